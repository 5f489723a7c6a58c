package io.commitmentsledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/** Reading the deploy files' YAML: documents as nested maps, and values found by their path of keys. */
final class YamlTrees {

    private YamlTrees() {}

    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try {
            for (Object document : new Yaml().loadAll(read(file))) {
                if (document != null) {
                    assertThat(document).as("a document in %s", file).isInstanceOf(Map.class);
                    documents.add(cast(document));
                }
            }
        } catch (RuntimeException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    static Map<String, Object> singleDocument(Path file) {
        List<Map<String, Object>> documents = documents(file);
        assertThat(documents).as("documents in %s", file).hasSize(1);
        return documents.get(0);
    }

    /** The value at the path, if there is one; intermediate maps that are missing count as empty. */
    static Optional<Object> at(Map<String, Object> root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> node) || node.get(key) == null) {
                return Optional.empty();
            }
            current = node.get(key);
        }
        return Optional.of(current);
    }

    static Optional<String> optionalString(Map<String, Object> root, String... path) {
        return at(root, path).map(String::valueOf);
    }

    /** The value at the path, which must be there. */
    static String string(Map<String, Object> root, String... path) {
        return optionalString(root, path)
                .orElseGet(() -> fail("no %s in %s", String.join(".", Arrays.asList(path)), root));
    }

    static Map<String, Object> map(Map<String, Object> root, String... path) {
        return at(root, path).<Map<String, Object>>map(YamlTrees::cast).orElse(Map.of());
    }

    static List<Object> list(Map<String, Object> root, String... path) {
        return at(root, path).<List<Object>>map(YamlTrees::cast).orElse(List.of());
    }

    static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
