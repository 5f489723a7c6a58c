package io.commitmentsledger.ledger.log;

import static io.commitmentsledger.ledger.support.LedgerClient.agreeBody;
import static io.commitmentsledger.ledger.support.LedgerClient.confirmBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.SampleText;
import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.ledger.support.TestLogKey;
import io.commitmentsledger.security.testing.TestIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the verifiable log costs the command path: commands/s over REST with the log on and off, in the same run, same
 * application, same database and broker. Not part of the default build (the class name ends in neither Test nor IT);
 * run it with {@code ./mvnw -pl commitments-service -am verify -Pbenchmark -Dit.test=LogCostBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 *
 * <p>The application's log is a {@link SwitchableLog}: on, the publisher appends every batch to the real log (lock,
 * leaf hashes, Ed25519 signatures, entries and subtrees inserted) before sending it, and the checkpointer signs a
 * checkpoint every second while the log grows; off, the publisher reads the batch's events from the store and sends
 * them without any of that, and the checkpointer finds the log unchanged and does nothing but look (one small
 * transaction a second). The command's own transaction is the same either way: the log is written off the command
 * path, and what it costs commands is the CPU and database time it takes from them on the same machine.
 *
 * <p>Each round agrees {@value #COMMITMENTS} commitments of its own (untimed), then N client threads send commands
 * to them as fast as they can for a fixed time: {@value #PROGRESS_PERCENT}% progress reports, the rest confirmations
 * (the first per party records an event, a repeat records nothing) and workshop schedulings. Fresh commitments per
 * round keep the aggregates the same size in every round,
 * and keep a commitment's events all logged or all unlogged. Rounds come in pairs, on off, off on, on off, ..., so
 * that a steady drift favours neither state; between rounds the publisher catches up before the switch flips. The
 * figures are the medians per state and thread count. At the end every logged entry is checked (gap-free, recomputed
 * from the store, signature, chain), every on-round event must be logged and no off-round event, and the newest
 * checkpoint must cover the whole log. The benchmark fails only if something is lost or broken, never on speed.
 *
 * <p>Tuning (system properties): {@code benchmark.log-cost.seconds} per round (20), {@code
 * benchmark.log-cost.rounds} of each mode per thread count (3), {@code benchmark.log-cost.threads} (8,32), {@code
 * benchmark.log-cost.warm-up-seconds} per state (40; the first rounds after start-up
 * are much slower).
 */
@LedgerIntegrationTest
class LogCostBenchmark {

    static final int COMMITMENTS = 200;
    static final int PROGRESS_PERCENT = 90;
    static final int CONFIRMATION_PERCENT = 5;

    private static final int SECONDS = Integer.getInteger("benchmark.log-cost.seconds", 20);
    private static final int ROUNDS = Integer.getInteger("benchmark.log-cost.rounds", 3);
    private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.log-cost.warm-up-seconds", 40);
    private static final List<Integer> THREADS = Arrays.stream(
                    System.getProperty("benchmark.log-cost.threads", "8,32").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    private static final long CATCH_UP_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(3);
    private static final String[] AGENCIES = {"JP/METI", "GB/DSIT"};

    /** The publisher's processor (KafkaEventPublisher.PROCESSOR, not visible from this package). */
    private static final String PUBLISHER = "kafka-publisher";

    /** Replaces the application's log: the publisher's {@code EventRecords} takes the primary one. */
    @TestConfiguration
    static class SwitchableLogConfiguration {

        @Bean
        @Primary
        SwitchableLog switchableLog(
                JdbcClient jdbc, PlatformTransactionManager transactions, SubtreeStore subtrees, LogKeys keys) {
            return new SwitchableLog(jdbc, transactions, subtrees, keys);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SwitchableLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    LogTree tree;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    LogKeys keys;

    @Autowired
    CommitmentVerification verification;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = JsonMapper.builder().build();
    private final List<String> progressBodies = new ArrayList<>();
    private final List<String> loggedCommitments = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unloggedCommitments = Collections.synchronizedList(new ArrayList<>());
    private StreamingEventProcessor publisher;
    private int roundCounter;

    /** One timed round. */
    record Round(
            boolean on,
            int threads,
            long commands,
            long events,
            long errors,
            double seconds,
            double p50Ms,
            double p99Ms,
            long lagAtEnd,
            long catchUpMs,
            String load,
            List<String> firstErrors) {

        double rate() {
            return commands / seconds;
        }

        double eventRate() {
            return events / seconds;
        }
    }

    @Test
    void commandThroughputWithAndWithoutTheLog() throws Exception {
        publisher = processing
                .eventProcessor(PUBLISHER, StreamingEventProcessor.class)
                .orElseThrow();
        Random random = new Random(20240116);
        for (int i = 0; i < 64; i++) {
            progressBodies.add(json.writeValueAsString(Map.of(
                    "note",
                    SampleText.progressNote(random),
                    "reportedOn",
                    "2024-02-01",
                    "actingAgency",
                    AGENCIES[i % 2])));
        }
        // One response through the test client, which checks it against the OpenAPI document.
        assertThat(new LedgerClient(port).agreeNew("log-cost-contract")).isNotBlank();

        // Warm-up: the log on first, so that the real log is never empty when an off round's events exist.
        int warmUpThreads = THREADS.get(0);
        List<Round> warmUp =
                List.of(round(true, warmUpThreads, WARM_UP_SECONDS), round(false, warmUpThreads, WARM_UP_SECONDS));

        Map<Integer, List<Round>> rounds = new LinkedHashMap<>();
        for (int threads : THREADS) {
            List<Round> measured = new ArrayList<>();
            // Pairs in the order ON OFF, OFF ON, ON OFF, ...: a steady drift (JIT, a busy neighbour) favours
            // neither state.
            for (int i = 0; i < ROUNDS; i++) {
                boolean onFirst = i % 2 == 0;
                measured.add(round(onFirst, threads, SECONDS));
                measured.add(round(!onFirst, threads, SECONDS));
            }
            rounds.put(threads, measured);
        }
        log.on(true);
        long catchUp = awaitCaughtUp();

        String report = report(warmUp, rounds);
        System.out.println(report);
        String output = System.getProperty("benchmark.output");
        Path file = output == null
                ? Path.of("target/benchmark/log-cost.txt")
                : Path.of(output).resolveSibling("log-cost.txt");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report);

        assertThat(catchUp).as("publisher caught up at the end (ms)").isGreaterThanOrEqualTo(0);
        for (Round round : rounds.values().stream().flatMap(List::stream).toList()) {
            assertThat(round.errors())
                    .as("failed commands in a round, first ones: %s", round.firstErrors())
                    .isZero();
        }
        checkTheLog();
    }

    /** Agrees fresh commitments under the given state, then sends commands to them for {@code seconds}. */
    private Round round(boolean on, int threads, int seconds) throws Exception {
        awaitCaughtUp();
        log.on(on);
        int number = ++roundCounter;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < COMMITMENTS; i++) {
            ids.add(String.format(Locale.ROOT, "log-cost-%s-%02d-%03d", on ? "on" : "off", number, i));
        }
        (on ? loggedCommitments : unloggedCommitments).addAll(ids);
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> agreed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                agreed.add(clients.submit(() -> {
                    for (int i = first; i < ids.size(); i += threads) {
                        HttpResponse<String> response = post("/api/v1/commitments", agreeBody(ids.get(i)));
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("could not agree " + ids.get(i) + ": " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : agreed) {
                done.get();
            }
            awaitCaughtUp();

            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
            List<Future<Client>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Client client = new Client(t, number, ids, deadline);
                running.add(clients.submit(client::run));
            }
            List<Client> done = new ArrayList<>();
            for (Future<Client> client : running) {
                done.add(client.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long lag = head() - position();
            long catchUp = awaitCaughtUp();

            long commands = done.stream().mapToLong(c -> c.count).sum();
            long errors = done.stream().mapToLong(c -> c.errors).sum();
            long[] latencies = new long[(int) commands];
            int at = 0;
            for (Client client : done) {
                System.arraycopy(client.latencies, 0, latencies, at, client.count);
                at += client.count;
            }
            Arrays.sort(latencies);
            long events = jdbc.sql("""
                            SELECT count(*) FROM domain_event_entry
                            WHERE aggregate_identifier = ANY (?) AND sequence_number > 0""")
                    .param(ids.toArray(String[]::new))
                    .query(Long.class)
                    .single();
            List<String> firstErrors =
                    done.stream().flatMap(c -> c.firstErrors.stream()).limit(3).toList();
            Round round = new Round(
                    on,
                    threads,
                    commands,
                    events,
                    errors,
                    elapsed,
                    percentile(latencies, 0.50) / 1e6,
                    percentile(latencies, 0.99) / 1e6,
                    lag,
                    catchUp,
                    loadAverage(),
                    firstErrors);
            System.out.println("log-cost round " + number + ": " + line(round));
            return round;
        } finally {
            clients.shutdownNow();
        }
    }

    /** One client thread: commands to random commitments of the round until the deadline. */
    private final class Client {

        final int thread;
        final int round;
        final List<String> ids;
        final long deadline;
        final Random random;
        long[] latencies = new long[4096];
        int count;
        long errors;
        final List<String> firstErrors = new ArrayList<>();

        Client(int thread, int round, List<String> ids, long deadline) {
            this.thread = thread;
            this.round = round;
            this.ids = ids;
            this.deadline = deadline;
            this.random = new Random(round * 1000L + thread);
        }

        Client run() {
            int workshops = 0;
            while (System.nanoTime() < deadline) {
                String id = ids.get(random.nextInt(ids.size()));
                int kind = random.nextInt(100);
                String path;
                String body;
                if (kind < PROGRESS_PERCENT) {
                    path = "/progress-reports";
                    body = progressBodies.get(random.nextInt(progressBodies.size()));
                } else if (kind < PROGRESS_PERCENT + CONFIRMATION_PERCENT) {
                    path = "/confirmations";
                    body = confirmBody(AGENCIES[random.nextInt(2)]);
                } else {
                    path = "/workshops";
                    body = workshop("w-" + thread + "-" + workshops++);
                }
                long sent = System.nanoTime();
                HttpResponse<String> response;
                try {
                    response = post("/api/v1/commitments/" + id + path, body);
                } catch (RuntimeException e) {
                    error(e.toString());
                    continue;
                }
                long took = System.nanoTime() - sent;
                if (response.statusCode() != 200) {
                    error(response.statusCode() + " " + response.body());
                    continue;
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = took;
            }
            return this;
        }

        private void error(String what) {
            errors++;
            if (firstErrors.size() < 3) {
                firstErrors.add(what);
            }
        }
    }

    private static String workshop(String workshopId) {
        return """
                {"workshopId": "%s", "title": "Semiconductor workshop", "when": {"quarter": "2024-Q1"},
                 "format": "IN_PERSON", "location": "London", "host": "GB", "scheduledOn": "2024-01-16",
                 "actingAgency": "GB/DSIT"}""".formatted(workshopId);
    }

    /** The agency a body names as acting: the benchmark sends each command with that agency's token. */
    private static final java.util.regex.Pattern ACTOR =
            java.util.regex.Pattern.compile("\"actingAgency\":\\s*\"([^\"]+)\"");

    private HttpResponse<String> post(String path, String body) {
        java.util.regex.Matcher actor = ACTOR.matcher(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestIssuer.agency(actor.find() ? actor.group(1) : "JP/METI"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The machine's 1-minute load average at the end of a round: others share its two cores. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    // --- the publisher ---

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private long position() {
        return publisher.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                .min()
                .orElse(-1);
    }

    /** Waits until the publisher's position reaches the head of the store; returns how long it took (ms). */
    private long awaitCaughtUp() {
        long start = System.nanoTime();
        long head = head();
        await().atMost(Duration.ofMillis(CATCH_UP_TIMEOUT_MS))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .until(() -> {
                    Map<Integer, EventTrackerStatus> status = publisher.processingStatus();
                    assertThat(status.values())
                            .as("publisher segments in error")
                            .noneMatch(EventTrackerStatus::isErrorState);
                    return !status.isEmpty() && position() >= head;
                });
        return (System.nanoTime() - start) / 1_000_000;
    }

    // --- the log did the work while on, and none while off ---

    private void checkTheLog() throws Exception {
        long size = tree.size();
        long entries =
                jdbc.sql("SELECT count(*) FROM log_entry").query(Long.class).single();
        assertThat(entries).as("log entries, gap-free from 0").isEqualTo(size);

        String[] logged = loggedCommitments.toArray(String[]::new);
        String[] unlogged = unloggedCommitments.toArray(String[]::new);
        long loggedEvents =
                count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)", logged);
        assertThat(count("SELECT count(*) FROM log_entry WHERE commitment_id = ANY (?)", logged))
                .as("log entries of the on rounds' commitments: all their events")
                .isEqualTo(loggedEvents);
        assertThat(count("SELECT count(*) FROM log_entry WHERE commitment_id = ANY (?)", unlogged))
                .as("log entries of the off rounds' commitments")
                .isZero();

        // Every entry: recomputed from the store, signed, chained to its commitment's previous entry.
        Map<String, byte[]> lastHashOf = new HashMap<>();
        Map<String, Long> lastSequenceOf = new HashMap<>();
        long chunk = 10_000;
        for (long from = 0; from < size; from += chunk) {
            jdbc.sql("""
                            SELECT l.log_index, l.event_identifier, l.commitment_id, l.sequence_number, l.leaf_hash,
                                   l.previous_leaf_hash, l.leaf_signature, e.payload_type, e.payload_revision,
                                   e.time_stamp, e.payload
                            FROM log_entry l JOIN domain_event_entry e ON e.event_identifier = l.event_identifier
                            WHERE l.log_index >= ? AND l.log_index < ? ORDER BY l.log_index""").params(from, from + chunk).query(row -> {
                String payloadType = row.getString(8);
                String revision = row.getString(9);
                String commitment = row.getString(3);
                long sequence = row.getLong(4);
                byte[] hash = row.getBytes(5);
                byte[] previous = row.getBytes(6);
                LogLeaf leaf = LogLeaf.of(
                        row.getLong(1),
                        commitment,
                        sequence,
                        row.getString(2),
                        payloadType.substring(payloadType.lastIndexOf('.') + 1),
                        revision == null ? "" : revision,
                        row.getString(10),
                        row.getBytes(11),
                        previous);
                assertThat(leaf.hash()).as("leaf %s recomputed", row.getLong(1)).isEqualTo(hash);
                try {
                    LeafSignature.verify(hash, row.getString(7), List.of(TestLogKey.verifier()));
                } catch (Exception e) {
                    throw new AssertionError("leaf " + row.getLong(1) + ": " + e, e);
                }
                assertThat(sequence)
                        .as("%s logged in sequence order", commitment)
                        .isEqualTo(lastSequenceOf.getOrDefault(commitment, -1L) + 1);
                assertThat(previous)
                        .as("%s #%s chained", commitment, sequence)
                        .isEqualTo(lastHashOf.getOrDefault(commitment, LogLeaf.NO_PREVIOUS_LEAF));
                lastHashOf.put(commitment, hash);
                lastSequenceOf.put(commitment, sequence);
            });
        }

        // The newest checkpoint covers the whole log, and a commitment of each on round verifies against it.
        await("a checkpoint of the whole log")
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        checkpoints.newest().map(Checkpoints.Stored::treeSize).orElse(0L) >= size);
        Checkpoint newest =
                Checkpoint.open(checkpoints.latest().orElseThrow(), keys.origin(), List.of(TestLogKey.verifier()));
        assertThat(newest.size()).isEqualTo(size);
        assertThat(newest.rootHash()).isEqualTo(tree.root(size));
        for (int i = 0; i < logged.length; i += COMMITMENTS) {
            var checked = verification.verify(logged[i]).orElseThrow();
            assertThat(checked.verified())
                    .as("%s verifies: %s", logged[i], checked.reason())
                    .isTrue();
            assertThat(checked.checkpointedEvents()).isEqualTo(checked.events());
        }
    }

    private long count(String sql, String[] ids) {
        return jdbc.sql(sql).param(ids).query(Long.class).single();
    }

    // --- the report ---

    private static String line(Round r) {
        return String.format(
                Locale.ROOT,
                "%-3s %2d threads %7.1f s %,8d commands %,9.1f commands/s %,9.1f events/s  p50 %6.1f ms  p99 %7.1f ms"
                        + "  errors %d  publisher lag at end %,d events, caught up in %,d ms  load %s",
                r.on() ? "ON" : "OFF",
                r.threads(),
                r.seconds(),
                r.commands(),
                r.rate(),
                r.eventRate(),
                r.p50Ms(),
                r.p99Ms(),
                r.errors(),
                r.lagAtEnd(),
                r.catchUpMs(),
                r.load());
    }

    private String report(List<Round> warmUp, Map<Integer, List<Round>> rounds) {
        StringBuilder out = new StringBuilder();
        out.append("=== Log cost benchmark: command throughput with the verifiable log on and off ===\n");
        out.append(String.format(
                Locale.ROOT,
                "date            %s%nmachine         %d cores, Java %s, %s %s%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                System.getProperty("os.arch")));
        out.append("setup           the whole service in one JVM with the clients and an embedded KRaft broker;"
                + " embedded PostgreSQL\n");
        out.append(String.format(
                Locale.ROOT,
                "workload        REST commands, %d%% progress reports, %d%% confirmations, %d%% workshop schedulings,"
                        + " to %d fresh commitments per round; %d s per round, %d rounds of each state per thread"
                        + " count, in pairs ON OFF, OFF ON, ...; warm-up %d s ON + %d s OFF%n",
                PROGRESS_PERCENT,
                CONFIRMATION_PERCENT,
                100 - PROGRESS_PERCENT - CONFIRMATION_PERCENT,
                COMMITMENTS,
                SECONDS,
                ROUNDS,
                WARM_UP_SECONDS,
                WARM_UP_SECONDS));
        out.append("warm-up\n");
        warmUp.forEach(r -> out.append("  ").append(line(r)).append('\n'));
        for (Map.Entry<Integer, List<Round>> entry : rounds.entrySet()) {
            out.append(String.format(Locale.ROOT, "%d client threads%n", entry.getKey()));
            entry.getValue().forEach(r -> out.append("  ").append(line(r)).append('\n'));
            List<Round> on = entry.getValue().stream().filter(Round::on).toList();
            List<Round> off = entry.getValue().stream().filter(r -> !r.on()).toList();
            double onRate = median(on.stream().map(Round::rate).toList());
            double offRate = median(off.stream().map(Round::rate).toList());
            out.append(String.format(
                    Locale.ROOT,
                    "  median ON  %,9.1f commands/s  p50 %6.1f ms  p99 %7.1f ms%n",
                    onRate,
                    median(on.stream().map(Round::p50Ms).toList()),
                    median(on.stream().map(Round::p99Ms).toList())));
            out.append(String.format(
                    Locale.ROOT,
                    "  median OFF %,9.1f commands/s  p50 %6.1f ms  p99 %7.1f ms%n",
                    offRate,
                    median(off.stream().map(Round::p50Ms).toList()),
                    median(off.stream().map(Round::p99Ms).toList())));
            out.append(String.format(
                    Locale.ROOT,
                    "  OFF/ON %.3f   overhead 1 - ON/OFF = %.1f%%   (per round: %s)%n",
                    offRate / onRate,
                    100 * (1 - onRate / offRate),
                    pairs(entry.getValue())));
        }
        return out.toString();
    }

    /** Overhead of each pair of rounds: ON against the OFF round next to it. */
    private static String pairs(List<Round> rounds) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < rounds.size(); i += 2) {
            Round on = rounds.get(i).on() ? rounds.get(i) : rounds.get(i + 1);
            Round off = rounds.get(i).on() ? rounds.get(i + 1) : rounds.get(i);
            pairs.add(String.format(Locale.ROOT, "%.1f%%", 100 * (1 - on.rate() / off.rate())));
        }
        return pairs.stream().collect(Collectors.joining(", "));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
