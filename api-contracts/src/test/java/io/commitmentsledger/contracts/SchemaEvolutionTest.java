package io.commitmentsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.events.EventTypes;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published schemas only evolve compatibly. {@code src/test/resources/schema-baseline} holds every schema as last
 * committed; a schema may change only in ways that accept every event its baseline accepted, otherwise the change
 * must come as a new revision with an upcaster (see {@code schemas/README.md}). After a compatible change, copy the
 * schema over its baseline.
 */
class SchemaEvolutionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

    @Test
    void changesEveryPublishedSchemaOnlyCompatibly() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String path : schemaFiles("schema-baseline")) {
            Resource current = RESOURCES.getResource("classpath:schemas/" + path);
            if (!current.exists()) {
                problems.add("schemas/" + path + " was published and must not be removed");
                continue;
            }
            for (String change : SchemaCompatibility.breakingChanges(
                    read(RESOURCES.getResource("classpath:schema-baseline/" + path)), read(current))) {
                problems.add("schemas/" + path + " " + change);
            }
        }
        assertThat(problems)
                .as("incompatible schema changes: publish them as a new revision with an upcaster instead")
                .isEmpty();
    }

    @Test
    void keepsABaselineOfEverySchema() throws IOException {
        assertThat(schemaFiles("schema-baseline"))
                .as("copy new schemas to src/test/resources/schema-baseline so later changes are checked")
                .containsExactlyElementsOf(schemaFiles("schemas"));
    }

    @Test
    void hasASchemaForEveryRevisionOfEveryEventUpToTheCurrentOne() throws IOException {
        Set<String> files = schemaFiles("schemas");
        for (Class<?> type : EventTypes.all()) {
            int current = Integer.parseInt(EventTypes.revision(type));
            for (int revision = 1; revision <= current; revision++) {
                assertThat(files).contains(EventTypes.name(type) + "/v" + revision + ".json");
            }
            assertThat(files).doesNotContain(EventTypes.name(type) + "/v" + (current + 1) + ".json");
        }
    }

    /** Schema files under a classpath directory, as {@code <Name>/v<N>.json}. */
    private static Set<String> schemaFiles(String directory) throws IOException {
        Set<String> files = new TreeSet<>();
        for (Resource resource : RESOURCES.getResources("classpath:" + directory + "/*/v*.json")) {
            String url = resource.getURL().toString();
            String[] parts = url.split("/");
            files.add(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    private static JsonNode read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return JSON.readTree(in);
        }
    }
}
