package io.commitmentsledger.ledger.commitment.web;

import static io.commitmentsledger.ledger.support.LedgerClient.progressBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.security.testing.TestIssuer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one command costs on commitments with 10, 100 and 1,000 events: progress reports over REST from one client,
 * round robin over {@value #COMMITMENTS_PER_SIZE} commitments of each size. Not part of the default build (the class
 * name ends in neither Test nor IT); run it with {@code ./mvnw -pl commitments-service verify -Pbenchmark
 * -Dit.test=CommandLatencyBenchmark}. Results also go to {@code target/benchmark/command-latency.txt}.
 *
 * <p>Each commitment's history is written straight into the event store (a copy of its first progress report at
 * every further sequence), as another instance of the service would, so the histories cost seconds to build rather
 * than minutes. The publisher logs and publishes them before anything is timed. The first command on each commitment
 * is reported apart ("first"): it is the one that finds no aggregate in memory.
 */
@LedgerIntegrationTest
class CommandLatencyBenchmark {

    private static final int[] SIZES = {10, 100, 1000};
    private static final int COMMITMENTS_PER_SIZE = 10;
    private static final int ROUNDS = Integer.getInteger("benchmark.command-latency.rounds", 10);
    private static final int WARM_UP_ROUNDS = Integer.getInteger("benchmark.command-latency.warm-up-rounds", 10);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = TestIssuer.agency("GB/DSIT");

    @Test
    void measuresCommandLatencyByHistoryLength() throws Exception {
        LedgerClient client = new LedgerClient(port);
        // Warm-up on commitments of their own, so that the measured ones start cold.
        Map<Integer, List<String>> warmUp = commitments(client, "warm-up");
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (List<String> ids : warmUp.values()) {
                for (String id : ids) {
                    report(client, id, "warm-up " + round);
                }
            }
        }
        Map<Integer, List<String>> measured = commitments(client, "latency");
        awaitPublished();

        Map<Integer, List<Long>> first = new LinkedHashMap<>();
        Map<Integer, List<Long>> later = new LinkedHashMap<>();
        for (int round = 0; round <= ROUNDS; round++) {
            for (var size : measured.entrySet()) {
                for (String id : size.getValue()) {
                    long micros = report(client, id, "round " + round);
                    (round == 0 ? first : later)
                            .computeIfAbsent(size.getKey(), s -> new ArrayList<>())
                            .add(micros);
                }
            }
        }

        StringBuilder report = new StringBuilder("command latency by history length, one client, progress reports ("
                + COMMITMENTS_PER_SIZE + " commitments per size, " + ROUNDS + " rounds), microseconds\n");
        for (int size : SIZES) {
            long[] firsts = sorted(first.get(size));
            long[] laters = sorted(later.get(size));
            report.append("%5d events: first p50 %6d | later p50 %6d p90 %6d p99 %6d max %6d%n"
                    .formatted(
                            size,
                            percentile(firsts, 50),
                            percentile(laters, 50),
                            percentile(laters, 90),
                            percentile(laters, 99),
                            laters[laters.length - 1]));
        }
        report.append("ratio p50 1000/10 events: later %.2f, first %.2f%n"
                .formatted(
                        (double) percentile(sorted(later.get(1000)), 50) / percentile(sorted(later.get(10)), 50),
                        (double) percentile(sorted(first.get(1000)), 50) / percentile(sorted(first.get(10)), 50)));
        System.out.println(report);
        String output = System.getProperty("benchmark.output");
        Path file = output == null
                ? Path.of("target/benchmark/command-latency.txt")
                : Path.of(output).resolveSibling("command-latency.txt");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report);
    }

    /** {@value #COMMITMENTS_PER_SIZE} commitments of each size, their histories written straight into the store. */
    private Map<Integer, List<String>> commitments(LedgerClient client, String prefix) throws Exception {
        Map<Integer, List<String>> bySize = new LinkedHashMap<>();
        for (int size : SIZES) {
            for (int i = 0; i < COMMITMENTS_PER_SIZE; i++) {
                String id = client.agreeNew(prefix + "-" + size);
                report(client, id, "the first report");
                jdbc.sql("""
                                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                       type, time_stamp, payload_type, payload_revision, payload, meta_data)
                                SELECT gen_random_uuid()::text, e.aggregate_identifier, s, e.type, e.time_stamp,
                                       e.payload_type, e.payload_revision, e.payload, e.meta_data
                                  FROM domain_event_entry e, generate_series(2, ? - 1) s
                                 WHERE e.aggregate_identifier = ? AND e.sequence_number = 1""").params(size, id).update();
                bySize.computeIfAbsent(size, s -> new ArrayList<>()).add(id);
            }
        }
        return bySize;
    }

    private void awaitPublished() {
        await().atMost(Duration.ofMinutes(3))
                .until(() -> jdbc.sql("SELECT (SELECT count(*) FROM domain_event_entry) = (SELECT count(*) FROM"
                                + " log_entry)")
                        .query(Boolean.class)
                        .single());
    }

    /** Timed with a plain client: LedgerClient's check of each response against the OpenAPI document would count. */
    private long report(LedgerClient client, String id, String note) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(client.uri("/api/v1/commitments/" + id + "/progress-reports"))
                .header("Content-Type", "application/json")
                .header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString(progressBody(note)))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1000;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return micros;
    }

    private static long[] sorted(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }
}
