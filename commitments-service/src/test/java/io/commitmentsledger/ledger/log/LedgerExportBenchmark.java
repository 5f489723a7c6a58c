package io.commitmentsledger.ledger.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.security.testing.TestIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast {@code GET /api/v1/ledger/export} streams the log, end to end over HTTP, counting lines as a client reads
 * them. Not part of the default build (the class name ends in neither Test nor IT); run it with
 * {@code ./mvnw -pl commitments-service -am verify -Pbenchmark -Dit.test=LedgerExportBenchmark}.
 *
 * <p>{@value #N} events are written straight into the event store and the log (ProgressReported-sized payloads over
 * {@value #COMMITMENTS} commitments), below the publisher's position (negative global positions) so that the running
 * publisher leaves them alone; their hashes are not real leaf hashes, which the export does not check. After a
 * warm-up, each round exports all of them. The benchmark fails only if lines are lost, never on speed.
 */
@LedgerIntegrationTest
class LedgerExportBenchmark {

    static final int N = 200_000;
    static final int COMMITMENTS = 200;
    static final int ROUNDS = 3;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void exportsTheLog() throws Exception {
        long base = jdbc.sql("SELECT coalesce(max(log_index) + 1, 0) FROM log_entry")
                .query(Long.class)
                .single();
        insertEvents(base);

        // The warm-up goes through the test client, which checks the response against the OpenAPI document.
        Response warmUp = new LedgerClient(port).get("/api/v1/ledger/export?from=" + base + "&to=" + (base + N / 10));
        assertThat(warmUp.body().lines()).hasSize(N / 10);
        List<String> results = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            long started = System.nanoTime();
            Exported exported = export(base, base + N);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(exported.lines()).isEqualTo(N);
            results.add(String.format(
                    Locale.ROOT,
                    "round %d: %d events, %.1f MB in %.2f s: %.0f events/s, %.1f MB/s",
                    round,
                    exported.lines(),
                    exported.bytes() / 1e6,
                    seconds,
                    exported.lines() / seconds,
                    exported.bytes() / 1e6 / seconds));
        }
        String report = "Ledger export (GET /api/v1/ledger/export, " + N + " events, JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB)\n" + String.join("\n", results) + "\n";
        System.out.print(report);
        String output = System.getProperty("benchmark.output");
        if (output != null) {
            Path file = Path.of(output).resolveSibling("ledger-export.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        }
    }

    private record Exported(long lines, long bytes) {}

    private Exported export(long from, long to) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ledger/export?from="
                                        + from + "&to=" + to))
                                .header("Authorization", TestIssuer.auditor())
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int read; (read = body.read(buffer)) > 0; ) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new Exported(lines, bytes);
    }

    private void insertEvents(long base) {
        String payloadType = "io.commitmentsledger.contracts.events.ProgressReported";
        jdbc.sql("""
                        INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                               sequence_number, type, time_stamp, payload_type, payload_revision, payload)
                        SELECT -1 - i, 'bench-event-' || i, 'bench-' || (i % ?), i / ?, 'Commitment',
                               '2024-02-01T09:30:00.123456Z', ?, '1',
                               convert_to('{"commitmentId":"bench-' || (i % ?) || '","note":"Progress report '
                                   || i || ': the joint working group met and agreed the next steps for the'
                                   || ' semiconductor workshop \\"Tōkyō\\"","reportedOn":"2024-02-01",'
                                   || '"occurredOn":"2024-02-01","actor":"GB/DSIT"}', 'UTF8')
                          FROM generate_series(0::bigint, ? - 1) AS i""")
                .params(COMMITMENTS, COMMITMENTS, payloadType, COMMITMENTS, N)
                .update();
        jdbc.sql("""
                        INSERT INTO log_entry (log_index, event_identifier, commitment_id, sequence_number, leaf_hash,
                               previous_leaf_hash, leaf_signature)
                        SELECT ? + i, 'bench-event-' || i, 'bench-' || (i % ?), i / ?, sha256(int8send(i)),
                               sha256(int8send(i - ?)),
                               translate(encode(sha512(int8send(i)) || sha256(int8send(i)), 'base64'), E'\n', '')
                          FROM generate_series(0::bigint, ? - 1) AS i""").params(base, COMMITMENTS, COMMITMENTS, COMMITMENTS, N).update();
        jdbc.sql("ANALYZE domain_event_entry").update();
        jdbc.sql("ANALYZE log_entry").update();
        assertThat(new String(
                        jdbc.sql("SELECT payload FROM domain_event_entry WHERE event_identifier = 'bench-event-0'")
                                .query(byte[].class)
                                .single(),
                        StandardCharsets.UTF_8))
                .startsWith("{\"commitmentId\":\"bench-0\"");
    }
}
