package io.commitmentsledger.projection.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core, Deque's accessibility engine, run inside the real headless Chromium against a page of the service. A
 * small same-origin harness (a proxy on a port of its own) serves the service's pages with two scripts added before
 * {@code </body>}: axe.min.js and one that runs {@code axe.run} with the WCAG 2.0, 2.1 and 2.2 A and AA rules and
 * writes the result as JSON into a {@code <pre id="axe-result">}; Chromium dumps the DOM once the scripts have run.
 * The pages themselves never carry a script.
 *
 * <p>axe-core comes from npm ({@code npm pack axe-core@VERSION}, once, into {@code target/axe-core}); {@link
 * #available()} is false where neither a copy nor npm is there.
 */
public final class Axe implements AutoCloseable {

    public static final String VERSION = "4.11.0";
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final Path HOME = Path.of("target", "axe-core");
    private static final Path SCRIPT = HOME.resolve("package").resolve("axe.min.js");
    private static final Pattern RESULT = Pattern.compile("<pre id=\"axe-result\">(.*?)</pre>", Pattern.DOTALL);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A deliberately inaccessible page, to show the check finds what it must. */
    public static final String INACCESSIBLE_PAGE = "/__axe/inaccessible.html";

    private static final String RUNNER = """
            (function () {
              function done(text) {
                var out = document.createElement('pre');
                out.id = 'axe-result';
                out.textContent = text;
                document.body.appendChild(out);
              }
              try {
                axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
                  .then(function (r) {
                    done(JSON.stringify({violations: r.violations, passes: r.passes.length,
                      incomplete: r.incomplete.length, inapplicable: r.inapplicable.length}));
                  })
                  .catch(function (e) { done(JSON.stringify({error: String(e)})); });
              } catch (e) { done(JSON.stringify({error: String(e)})); }
            })();
            """;

    private static final String INACCESSIBLE = """
            <!DOCTYPE html>
            <html><head><title></title></head>
            <body>
            <p style="color:#bbb;background:#fff">Pale grey text no one can read</p>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <form><input type="text" name="q"><select name="s"><option>a</option></select></form>
            <a href="/x"></a>
            </body></html>
            """;

    /** One rule the page breaks, with how grave axe judges it and how many elements break it. */
    public record Violation(String rule, String impact, String help, int nodes, List<String> targets) {

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + targets;
        }
    }

    /** What axe found on a page: the rules it broke, and how many rules were run in all. */
    public record Result(List<Violation> violations, int rulesRun) {

        /** The violations of impact serious or critical. */
        public List<Violation> serious() {
            return violations.stream()
                    .filter(v -> v.impact().equals("serious") || v.impact().equals("critical"))
                    .toList();
        }
    }

    private final HttpServer server;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String service;

    /** A harness in front of the service at {@code serviceUrl} (such as {@code http://localhost:8081}). */
    public Axe(String serviceUrl) {
        this.service = serviceUrl.replaceAll("/+$", "");
        String axe = script();
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/__axe/axe.min.js", exchange -> answer(exchange, 200, "text/javascript", axe));
        server.createContext(
                "/__axe/run.js",
                exchange -> answer(exchange, 200, "text/javascript", RUNNER.formatted(JSON.writeValueAsString(TAGS))));
        server.createContext(INACCESSIBLE_PAGE, exchange -> answer(exchange, 200, "text/html", withAxe(INACCESSIBLE)));
        server.createContext("/", this::proxy);
        server.start();
    }

    /** Whether axe-core is here or npm can fetch it. */
    public static boolean available() {
        if (Files.isRegularFile(SCRIPT)) {
            return true;
        }
        try {
            return new ProcessBuilder("npm", "--version")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs axe against the page at {@code path} (such as {@code /partnerships/x}) in Chromium. */
    public Result check(String path) {
        String url = "http://localhost:" + server.getAddress().getPort() + path;
        String dom = HeadlessChromium.renderAfterScripts(url, Duration.ofSeconds(30));
        Matcher found = RESULT.matcher(dom);
        if (!found.find()) {
            throw new IllegalStateException("axe wrote no result into " + path + " within the time allowed:\n"
                    + dom.substring(0, Math.min(dom.length(), 2_000)));
        }
        JsonNode result = JSON.readTree(unescape(found.group(1)));
        if (result.has("error")) {
            throw new IllegalStateException(
                    "axe failed on " + path + ": " + result.get("error").asString());
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode violation : result.get("violations")) {
            List<String> targets = new ArrayList<>();
            for (JsonNode node : violation.get("nodes")) {
                targets.add(node.get("target").toString());
            }
            violations.add(new Violation(
                    violation.get("id").asString(),
                    violation.path("impact").asString("minor"),
                    violation.get("help").asString(),
                    violation.get("nodes").size(),
                    targets));
        }
        int rules = violations.size()
                + result.get("passes").asInt()
                + result.get("incomplete").asInt()
                + result.get("inapplicable").asInt();
        return new Result(violations, rules);
    }

    private void proxy(HttpExchange exchange) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(URI.create(service + exchange.getRequestURI()))
                            .header(
                                    "Accept",
                                    String.valueOf(exchange.getRequestHeaders().getFirst("Accept")))
                            .timeout(Duration.ofSeconds(20))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
            if (type.startsWith("text/html")) {
                answer(
                        exchange,
                        response.statusCode(),
                        type,
                        withAxe(new String(response.body(), StandardCharsets.UTF_8)));
            } else {
                answer(exchange, response.statusCode(), type, response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 502, "text/plain", "interrupted");
        }
    }

    private static String withAxe(String html) {
        String scripts = "<script src=\"/__axe/axe.min.js\"></script><script src=\"/__axe/run.js\"></script>";
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + scripts : html.substring(0, end) + scripts + html.substring(end);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        answer(
                exchange,
                status,
                type.contains("charset") ? type : type + ";charset=utf-8",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** axe.min.js: from {@code target/axe-core}, fetched there with npm first if needed. */
    private static String script() {
        try {
            if (!Files.isRegularFile(SCRIPT)) {
                Files.createDirectories(HOME);
                run(
                        "npm",
                        "pack",
                        "axe-core@" + VERSION,
                        "--pack-destination",
                        HOME.toAbsolutePath().toString());
                run(
                        "tar",
                        "-xzf",
                        HOME.resolve("axe-core-" + VERSION + ".tgz")
                                .toAbsolutePath()
                                .toString(),
                        "-C",
                        HOME.toAbsolutePath().toString());
            }
            return Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String... command) throws IOException {
        // Never the test JVM's own streams: its stdin is Surefire's command channel, and npm (node) switches an
        // inherited stdin to non-blocking, which broke that channel ("std/in stream corrupted") and failed the build.
        Path log = HOME.resolve(Path.of(command[0]).getFileName() + ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command) + " failed; its output is in " + log.toAbsolutePath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&nbsp;", "\u00A0")
                .replace("&amp;", "&");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
