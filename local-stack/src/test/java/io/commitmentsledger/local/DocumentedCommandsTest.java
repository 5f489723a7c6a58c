package io.commitmentsledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shell commands the README and docs/ show can be pasted as they are: no double-quoted argument runs over a line
 * break, where the break would become part of the argument (as it did in the console consumer's
 * {@code -Dexec.args}). Multi-line single-quoted JSON bodies, as in the curl session, are fine in a shell.
 */
class DocumentedCommandsTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void noDoubleQuotedArgumentInADocumentedCommandSpansALineBreak() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String block : shellBlocks(Files.readString(page))) {
                String line = openDoubleQuoteAtLineEnd(block);
                if (line != null) {
                    broken.add(ROOT.relativize(page) + ": " + line.strip());
                }
            }
        }
        assertThat(broken)
                .as("commands with a double-quoted argument over two lines")
                .isEmpty();
    }

    @Test
    void findsTheLineBreakInsideADoubleQuotedArgument() {
        assertThat(openDoubleQuoteAtLineEnd("run -Dexec.args=\"--a b\n  --c d\""))
                .isEqualTo("run -Dexec.args=\"--a b");
        assertThat(openDoubleQuoteAtLineEnd("curl -d '{\"a\":\n 1}' \\\n  -H \"X: y\""))
                .isNull();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("seeds/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<String> shellBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block == null && (line.equals("```bash") || line.equals("```sh") || line.equals("```shell"))) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** The first line that ends inside a double-quoted string, read as a POSIX shell would; null if none does. */
    static String openDoubleQuoteAtLineEnd(String script) {
        char quote = 0;
        int lineStart = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '\\' && quote != '\'') {
                i++;
            } else if (c == '\n') {
                if (quote == '"') {
                    return script.substring(lineStart, i);
                }
                lineStart = i + 1;
            } else if (quote == 0 && c == '#' && (i == 0 || Character.isWhitespace(script.charAt(i - 1)))) {
                int end = script.indexOf('\n', i);
                i = (end < 0 ? script.length() : end) - 1;
            } else if ((c == '"' || c == '\'') && (quote == 0 || quote == c)) {
                quote = quote == 0 ? c : 0;
            }
        }
        return null;
    }
}
