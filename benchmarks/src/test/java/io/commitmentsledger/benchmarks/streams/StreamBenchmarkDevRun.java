package io.commitmentsledger.benchmarks.streams;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@link StreamBenchmark} against a ledger already running from a data directory (for developing it; the
 * benchmark's harness starts its own ledger). From the repository root, with a ledger started by the launcher on the
 * ports given:
 *
 * <pre>
 * ./mvnw -q -pl benchmarks exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.commitmentsledger.benchmarks.streams.StreamBenchmarkDevRun \
 *   -Dexec.args="&lt;data directory&gt; &lt;commitments port&gt; &lt;projection port&gt; &lt;kafka port&gt; &lt;authorization port&gt; &lt;commitments&gt; &lt;events each&gt; &lt;live window seconds&gt;"
 * </pre>
 */
final class StreamBenchmarkDevRun {

    private StreamBenchmarkDevRun() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int commitmentsPort = Integer.parseInt(args[1]);
        int projectionPort = Integer.parseInt(args[2]);
        int kafkaPort = Integer.parseInt(args[3]);
        int authorizationPort = Integer.parseInt(args[4]);
        StreamSettings settings = new StreamSettings(
                Integer.parseInt(args[5]), Integer.parseInt(args[6]), Duration.ofSeconds(Long.parseLong(args[7])));
        Properties clients = new Properties();
        try (Reader reader = Files.newBufferedReader(data.resolve("authorization/clients.properties"))) {
            clients.load(reader);
        }
        URI tokens = URI.create("http://localhost:" + authorizationPort + "/oauth2/token");
        StreamTarget target = new StreamTarget(
                "localhost:" + kafkaPort,
                "commitment-events",
                jdbc(data.resolve("postgres")),
                jdbc(data.resolve("projection-postgres")),
                URI.create("http://localhost:" + commitmentsPort),
                URI.create("http://localhost:" + projectionPort),
                token(tokens, "admin", clients),
                token(tokens, "auditor", clients));
        StreamFigures figures = new StreamBenchmark(target, settings).run();
        System.out.printf(
                Locale.ROOT,
                "events %,d%npublication %,.0f events/s vs plain producer %,.0f records/s (%.2f)%n"
                        + "live consumer %,.0f events/s, rebuild %,.0f events/s vs plain consumer %,.0f records/s"
                        + " (%.3f, %.2f)%n",
                figures.events(),
                figures.publicationEventsPerSecond(),
                figures.plainProducerRecordsPerSecond(),
                figures.publicationEventsPerSecond() / figures.plainProducerRecordsPerSecond(),
                figures.liveApplyEventsPerSecond(),
                figures.rebuildEventsPerSecond(),
                figures.plainConsumerRecordsPerSecond(),
                figures.liveApplyEventsPerSecond() / figures.plainConsumerRecordsPerSecond(),
                figures.rebuildEventsPerSecond() / figures.plainConsumerRecordsPerSecond());
        figures.notes().forEach(note -> System.out.println("- " + note));
        for (LagSample sample : figures.lag()) {
            System.out.printf(
                    Locale.ROOT,
                    "lag %6.1f s  not published %,9d  not applied %,9d%n",
                    sample.seconds(),
                    sample.recordedNotPublished(),
                    sample.publishedNotApplied());
        }
    }

    /** The embedded PostgreSQL's port is line 4 of its postmaster.pid. */
    private static String jdbc(Path postgres) throws IOException {
        String port =
                Files.readAllLines(postgres.resolve("postmaster.pid")).get(3).trim();
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** A fresh client-credentials token for each call: they last five minutes. */
    private static Supplier<String> token(URI tokens, String client, Properties clients) {
        String secret = clients.getProperty("ledger.authorization.clients." + client + ".secret");
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        return () -> {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(tokens)
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                return JsonMapper.builder()
                        .build()
                        .readTree(response.body())
                        .get("access_token")
                        .asString();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("no token for " + client, e);
            }
        };
    }
}
