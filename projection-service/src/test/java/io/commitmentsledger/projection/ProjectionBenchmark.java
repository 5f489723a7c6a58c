package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.DSIT;
import static io.commitmentsledger.projection.support.LedgerTopic.MEETING;
import static io.commitmentsledger.projection.support.LedgerTopic.METI;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.SampleText;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import io.commitmentsledger.projection.consumer.LiveProjectionListener;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import io.commitmentsledger.projection.support.TestLedgerKey;
import io.commitmentsledger.security.testing.TestIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How fast projection-service rebuilds its read model, next to a plain Kafka consumer reading the same topic, and how
 * long a command's effect takes to become visible in a commitment's timeline. Not part of the default build (the
 * class name ends in neither Test nor IT); run it with {@code ./mvnw -pl projection-service verify -Pbenchmark} after
 * commitments-service has been packaged ({@code ./mvnw install -DskipTests}).
 *
 * <p><b>Rebuild.</b> {@value #COMMITMENTS} commitments of {@value #EVENTS_PER_COMMITMENT} events each (agreed, two
 * confirmations, a workshop, then progress reports) are published through {@link LedgerTopic} while the live consumer
 * is paused; then it is resumed and timed applying them all (its apply rate, compared with the plain consumer's). Then, {@value #ROUNDS} times each and alternating: a plain {@link KafkaConsumer} (no group, assign and
 * seek to the beginning, the rebuild's consumer settings) reads all {@value #N} records to the end offsets; and
 * {@code POST /api/v1/admin/rebuilds} is timed until the rebuild reports DONE. The ratio of the medians is the figure to
 * compare; absolute rates drift between runs and machines.
 *
 * <p><b>Read-your-writes lag.</b> commitments-service runs as a child process ({@code java -jar}) on the same broker
 * with an embedded PostgreSQL of its own. {@value #LAG_COMMITMENTS} commitments are agreed, then progress reports are
 * sent at {@value #RATE} commands/s for {@value #SECONDS} s (after {@value #WARM_UP_SECONDS} s of warm-up at the same
 * rate, not recorded), round robin over the commitments, from {@value #WORKERS} threads. After each 2xx the timeline is
 * asked for with {@code minVersion} of the command's answer and {@code wait=10s}: the lag is from receiving the 2xx to
 * the timeline's 200, so it covers the ledger's publication to Kafka, the projection's consumer and one HTTP round
 * trip. The benchmark fails only if something is lost or never becomes visible, never on speed.
 */
@ProjectionIntegrationTest
class ProjectionBenchmark {

    static final int COMMITMENTS = 500;
    static final int EVENTS_PER_COMMITMENT = 100;
    static final int N = COMMITMENTS * EVENTS_PER_COMMITMENT;
    static final int ROUNDS = 3;

    static final int LAG_COMMITMENTS = 50;
    static final int RATE = 50;
    static final int SECONDS = 30;
    static final int WARM_UP_SECONDS = 5;
    static final int WORKERS = 4;
    static final int TAIL_FETCH_WAIT_MS = 5;

    /** Threads publishing the rebuild's events; each owns a share of the commitments, so each one's order holds. */
    private static final int PUBLISHERS = 50;

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Duration LEDGER_START_TIMEOUT = Duration.ofMinutes(3);
    private static final PartialDate FAR_AHEAD = PartialDate.parse("2099-Q4");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    @Value("${benchmark.output:target/benchmark/projection.txt}")
    Path output;

    @Value("${benchmark.ledger-jar-directory:../commitments-service/target}")
    Path ledgerJarDirectory;

    @Autowired
    KafkaProperties kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final Random random = new Random(20240116);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    record RawRun(long records, long bytes, long nanos) {
        double rate() {
            return records / (nanos / 1e9);
        }
    }

    record RebuildRun(long eventsDone, long nanos, double ownRate, long switchingNanos) {
        double rate() {
            return eventsDone / (nanos / 1e9);
        }
    }

    record Published(List<CommitmentId> ids, long publishNanos, long appliedNanos) {
        double liveRate() {
            return N / (appliedNanos / 1e9);
        }
    }

    record LoadResult(
            int sent,
            int succeeded,
            int commandErrors,
            int notVisible,
            List<Long> commandNanos,
            List<Long> lagNanos,
            List<Long> topicNanos,
            List<Long> projectionNanos,
            long spanNanos,
            Map<Integer, Integer> errorStatuses) {

        double achievedRate() {
            return succeeded / (spanNanos / 1e9);
        }
    }

    @Test
    void rebuildAgainstARawConsumerAndReadYourWritesLag() throws Exception {
        Http http = new Http(port);

        // --- 1. rebuild rate against a raw consumer on the same topic ---
        Published published = publishAndApply(http);
        List<RawRun> rawRuns = new ArrayList<>();
        List<RebuildRun> rebuildRuns = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            rawRuns.add(readRaw());
            rebuildRuns.add(rebuild(http));
        }
        CommitmentId sample = published.ids().get(COMMITMENTS / 2);
        assertThat(http.get("/api/v1/commitments/" + sample)
                        .json()
                        .get("version")
                        .asLong())
                .as("a commitment's version after the rebuilds")
                .isEqualTo(EVENTS_PER_COMMITMENT - 1);
        for (RawRun run : rawRuns) {
            assertThat(run.records()).as("records the raw consumer read").isEqualTo(N);
        }

        // --- 2. lag from a command's 2xx to its entry in the timeline ---
        LoadResult load;
        Process ledger = startLedger();
        try {
            int ledgerPort = ledgerPortNumber;
            awaitReady(ledger, ledgerPort);
            List<String> ids = agree(ledgerPort);
            runLoad(ledgerPort, ids, WARM_UP_SECONDS);
            load = runLoad(ledgerPort, ids, SECONDS);
        } finally {
            stop(ledger);
        }

        // --- 3. results ---
        String report = report(published, rawRuns, rebuildRuns, load);
        System.out.println(report);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, report);

        assertThat(load.succeeded()).as("commands answered 2xx").isPositive();
        assertThat(load.notVisible())
                .as("2xx answers whose entry never showed in the timeline")
                .isZero();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 1. Rebuild

    /**
     * Publishes the N events while the live consumer is paused, then resumes it and waits until it has applied every
     * commitment's last one: its apply rate over a backlog, which publishing (signing every record here) cannot cap.
     */
    private Published publishAndApply(Http http) throws Exception {
        MessageListenerContainer live = listeners.getListenerContainer(LiveProjectionListener.ID);
        live.pause();
        List<CommitmentId> ids = new ArrayList<>();
        List<List<CommitmentEvent>> events = new ArrayList<>();
        for (int c = 0; c < COMMITMENTS; c++) {
            CommitmentId id = newId("bench");
            ids.add(id);
            events.add(history(id));
        }
        long start = System.nanoTime();
        ExecutorService publishers = Executors.newFixedThreadPool(PUBLISHERS);
        try (LedgerTopic topic = new LedgerTopic(brokers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                int publisher = p;
                done.add(publishers.submit(() -> {
                    for (int sequence = 0; sequence < EVENTS_PER_COMMITMENT; sequence++) {
                        for (int c = publisher; c < COMMITMENTS; c += PUBLISHERS) {
                            topic.publish(events.get(c).get(sequence), sequence);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            publishers.shutdownNow();
        }
        long publishNanos = System.nanoTime() - start;
        long resumed = System.nanoTime();
        live.resume();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (CommitmentId id : ids) {
            while (true) {
                Http.Response response = http.get(
                        "/api/v1/commitments/" + id + "?minVersion=" + (EVENTS_PER_COMMITMENT - 1) + "&wait=30s");
                if (response.status() == 200) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the live consumer did not apply " + id + " within " + TIMEOUT + ": "
                            + response.status() + " " + response.body());
                }
            }
        }
        return new Published(ids, publishNanos, System.nanoTime() - resumed);
    }

    /** A realistic history: agreed, confirmed by both parties, a workshop scheduled, then progress reports. */
    private List<CommitmentEvent> history(CommitmentId id) {
        List<CommitmentEvent> events = new ArrayList<>(EVENTS_PER_COMMITMENT);
        events.add(agreed(id, "jp-uk-digital-partnership", "semiconductors", "Semiconductor workshop", FAR_AHEAD));
        events.add(new CommitmentConfirmed(id, METI, MEETING));
        events.add(new CommitmentConfirmed(id, DSIT, MEETING));
        events.add(new WorkshopScheduled(
                id,
                new WorkshopId("semiconductor-workshop"),
                "Industry-academia-government semiconductor workshop",
                new DateWindow(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30)),
                WorkshopFormat.IN_PERSON,
                "London",
                new CountryCode("GB"),
                DSIT,
                MEETING.plusDays(20)));
        while (events.size() < EVENTS_PER_COMMITMENT) {
            events.add(new ProgressReported(
                    id,
                    SampleText.progressNote(random),
                    random.nextBoolean() ? URI.create("https://www.meti.go.jp/english/press/2024/0116_002.html") : null,
                    random.nextBoolean() ? DSIT : METI,
                    MEETING.plusDays(30 + random.nextInt(300))));
        }
        return events;
    }

    /** A plain consumer with the rebuild's settings reads the whole topic to the end offsets it saw at the start. */
    private RawRun readRaw() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "projection-benchmark-raw");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        long start = System.nanoTime();
        long records = 0;
        long bytes = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(EventTypes.DEFAULT_TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    bytes += record.serializedKeySize() + record.value().length;
                    for (Header header : record.headers()) {
                        bytes += header.key().length() + header.value().length;
                    }
                }
                if (System.nanoTime() - start > TIMEOUT.toNanos()) {
                    throw new AssertionError("the raw consumer did not reach the end within " + TIMEOUT);
                }
            }
        }
        return new RawRun(records, bytes, System.nanoTime() - start);
    }

    /** Starts a rebuild and polls its progress until it is DONE (or FAILED). */
    private RebuildRun rebuild(Http http) throws InterruptedException {
        long start = System.nanoTime();
        Http.Response started = http.post("/api/v1/admin/rebuilds");
        assertThat(started.status()).as("rebuild start: " + started.body()).isEqualTo(202);
        long switchingSeen = 0;
        JsonNode status;
        while (true) {
            status = http.get("/api/v1/admin/rebuilds/current").json();
            String state = status.get("state").asString();
            if (switchingSeen == 0 && !"RUNNING".equals(state)) {
                switchingSeen = System.nanoTime();
            }
            if ("DONE".equals(state) || "FAILED".equals(state)) {
                break;
            }
            if (System.nanoTime() - start > TIMEOUT.toNanos()) {
                throw new AssertionError("the rebuild did not finish within " + TIMEOUT + ": " + status);
            }
            Thread.sleep(10);
        }
        long nanos = System.nanoTime() - start;
        assertThat(status.get("state").asString())
                .as("rebuild state: " + status)
                .isEqualTo("DONE");
        assertThat(status.get("eventsDone").asLong())
                .as("events the rebuild applied: " + status)
                .isEqualTo(N);
        assertThat(status.get("unreadableSkipped").asLong())
                .as("unreadable records skipped")
                .isZero();
        return new RebuildRun(
                status.get("eventsDone").asLong(),
                nanos,
                status.get("eventsPerSecond").asDouble(),
                System.nanoTime() - switchingSeen);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. Lag from a command's 2xx to the timeline

    private Path ledgerLog;
    private int ledgerPortNumber;

    private Process startLedger() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.exists(ledgerJarDirectory) ? Files.list(ledgerJarDirectory) : Stream.empty()) {
            jar = files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith("commitments-service-")
                                && name.endsWith(".jar")
                                && !name.endsWith("-sources.jar")
                                && !name.endsWith("-tests.jar");
                    })
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No commitments-service jar in "
                            + ledgerJarDirectory.toAbsolutePath().normalize()
                            + ". The lag benchmark runs commitments-service from its packaged jar: build it first with"
                            + " ./mvnw -B install -DskipTests (projection-service does not depend on"
                            + " commitments-service, so -am does not build it)."));
        }
        ledgerPortNumber = freePort();
        Path dir = output.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        ledgerLog = dir.resolve("commitments-service.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Daxoniq.update-checker.disabled=true",
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + ledgerPortNumber,
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--ledger.embedded-postgres.enabled=true",
                "--ledger.parent-pid=" + ProcessHandle.current().pid(),
                "--ledger.embedded-postgres.data-directory=target/bench-ledger-postgres",
                "--ledger.embedded-postgres.clean-start=true",
                "--ledger.log.signing-key=" + TestLedgerKey.privateKey()));
        // trusts this JVM's TestIssuer, as projection-service here does
        command.addAll(TestIssuer.serviceArguments());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ledgerLog.toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return process;
    }

    private void awaitReady(Process ledger, int ledgerPort) throws Exception {
        long deadline = System.nanoTime() + LEDGER_START_TIMEOUT.toNanos();
        while (true) {
            if (!ledger.isAlive()) {
                throw new AssertionError("commitments-service exited with " + ledger.exitValue() + " while starting;"
                        + " see " + ledgerLog + ":\n" + tail(ledgerLog));
            }
            try {
                if (get(ledgerPort, "/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("commitments-service was not ready within " + LEDGER_START_TIMEOUT + "; see "
                        + ledgerLog + ":\n" + tail(ledgerLog));
            }
            Thread.sleep(250);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Agrees the commitments the load reports progress on, and waits until the projection knows each. */
    private List<String> agree(int ledgerPort) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < LAG_COMMITMENTS; i++) {
            String id = newId("lag").value();
            HttpResponse<String> response = post(ledgerPort, "/api/v1/commitments", agreeBody(id));
            assertThat(response.statusCode())
                    .as("agree " + id + ": " + response.body())
                    .isEqualTo(201);
            ids.add(id);
        }
        for (String id : ids) {
            HttpResponse<String> visible = get(port, "/api/v1/commitments/" + id + "?minVersion=0&wait=30s");
            assertThat(visible.statusCode())
                    .as("agreed " + id + " visible: " + visible.body())
                    .isEqualTo(200);
        }
        return ids;
    }

    /**
     * Sends progress reports at {@value #RATE}/s for {@code seconds}, round robin over the commitments: a ticker hands
     * each command to a pool of {@value #WORKERS} threads at its planned instant. After each 2xx the worker asks for
     * the timeline at the version the command answered, without waiting for that answer (the next command must not
     * wait on the projection), and the answer is timed when it arrives. A raw consumer tailing the topic notes when
     * each event appears there, which splits the lag into the ledger's publication and the projection's part.
     */
    private LoadResult runLoad(int ledgerPort, List<String> ids, int seconds) throws Exception {
        int total = RATE * seconds;
        List<Long> commandNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> lagNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> topicNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> projectionNanos = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> visibleAt = new ConcurrentHashMap<>();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger commandErrors = new AtomicInteger();
        AtomicInteger notVisible = new AtomicInteger();
        Map<Integer, Integer> errorStatuses = new ConcurrentHashMap<>();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        AtomicLong firstSent = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastAnswered = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(total);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (TopicTail tail = new TopicTail()) {
            ticker.scheduleAtFixedRate(
                    () -> {
                        int i = next.getAndIncrement();
                        if (i < total) {
                            workers.execute(() -> command(
                                    ledgerPort,
                                    ids.get(i % ids.size()),
                                    i,
                                    new Tally(
                                            commandNanos,
                                            lagNanos,
                                            succeeded,
                                            commandErrors,
                                            notVisible,
                                            errorStatuses,
                                            answeredAt,
                                            visibleAt,
                                            firstSent,
                                            lastAnswered,
                                            finished)));
                        }
                    },
                    0,
                    1_000_000_000L / RATE,
                    TimeUnit.NANOSECONDS);
            assertThat(finished.await(seconds + 120L, TimeUnit.SECONDS))
                    .as("load finished")
                    .isTrue();
            answeredAt.forEach((event, answered) -> {
                Long seen = tail.seen(event);
                if (seen != null) {
                    topicNanos.add(seen - answered);
                    Long visible = visibleAt.get(event);
                    if (visible != null) {
                        projectionNanos.add(visible - seen);
                    }
                }
            });
        } finally {
            ticker.shutdownNow();
            workers.shutdownNow();
        }
        return new LoadResult(
                total,
                succeeded.get(),
                commandErrors.get(),
                notVisible.get(),
                List.copyOf(commandNanos),
                List.copyOf(lagNanos),
                List.copyOf(topicNanos),
                List.copyOf(projectionNanos),
                lastAnswered.get() - firstSent.get(),
                Map.copyOf(errorStatuses));
    }

    /** Where one load's figures are collected. */
    private record Tally(
            List<Long> commandNanos,
            List<Long> lagNanos,
            AtomicInteger succeeded,
            AtomicInteger commandErrors,
            AtomicInteger notVisible,
            Map<Integer, Integer> errorStatuses,
            Map<String, Long> answeredAt,
            Map<String, Long> visibleAt,
            AtomicLong firstSent,
            AtomicLong lastAnswered,
            CountDownLatch finished) {

        void error(int status) {
            commandErrors.incrementAndGet();
            errorStatuses.merge(status, 1, Integer::sum);
            finished.countDown();
        }
    }

    /** One progress report, then the timeline at its version, asked for asynchronously and timed on arrival. */
    private void command(int ledgerPort, String id, int i, Tally tally) {
        long sent = System.nanoTime();
        long answered;
        long version;
        try {
            tally.firstSent().accumulateAndGet(sent, Math::min);
            HttpResponse<String> command =
                    post(ledgerPort, "/api/v1/commitments/" + id + "/progress-reports", progressBody(i));
            answered = System.nanoTime();
            if (command.statusCode() / 100 != 2) {
                tally.error(command.statusCode());
                return;
            }
            version = JSON.readTree(command.body()).get("version").asLong();
        } catch (Exception e) {
            tally.error(-1);
            return;
        }
        tally.lastAnswered().accumulateAndGet(answered, Math::max);
        tally.succeeded().incrementAndGet();
        tally.commandNanos().add(answered - sent);
        tally.answeredAt().put(id + "/" + version, answered);
        HttpRequest timeline = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/commitments/"
                        + id + "/timeline?minVersion=" + version + "&wait=10s"))
                .header("Authorization", bearer("auditor"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        client.sendAsync(timeline, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long visible = System.nanoTime();
            try {
                if (failure == null
                        && response.statusCode() == 200
                        && JSON.readTree(response.body()).get("version").asLong() >= version) {
                    tally.lagNanos().add(visible - answered);
                    tally.visibleAt().put(id + "/" + version, visible);
                } else {
                    tally.notVisible().incrementAndGet();
                }
            } finally {
                tally.finished().countDown();
            }
        });
    }

    /**
     * A plain consumer at the end of the topic that notes when each event (commitment and sequence) arrives; it asks
     * the broker to answer fetches within {@value #TAIL_FETCH_WAIT_MS} ms so that it adds little delay of its own.
     */
    private final class TopicTail implements AutoCloseable {

        private final Map<String, Long> seen = new ConcurrentHashMap<>();
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private volatile boolean running = true;

        TopicTail() {
            Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "projection-benchmark-tail");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, TAIL_FETCH_WAIT_MS);
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumer = new KafkaConsumer<>(config);
            List<TopicPartition> partitions = consumer.partitionsFor(EventTypes.DEFAULT_TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before any command is sent
            thread = new Thread(this::run, "topic-tail");
            thread.start();
        }

        private void run() {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Header sequence = record.headers().lastHeader(CloudEventHeaders.COMMITMENT_SEQUENCE);
                    if (sequence != null) {
                        seen.putIfAbsent(
                                record.key() + "/" + new String(sequence.value(), StandardCharsets.UTF_8), now);
                    }
                }
            }
            consumer.close();
        }

        Long seen(String event) {
            return seen.get(event);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** A command, sent with a token of the agency its body's actingAgency names. */
    private HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
        Matcher acting = ACTING_AGENCY.matcher(json);
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", bearer(acting.find() ? acting.group(1) : "JP/METI"))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A read, as an auditor. */
    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", bearer("auditor"))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final Pattern ACTING_AGENCY = Pattern.compile("\"actingAgency\": \"([A-Z]{2}/[A-Z-]+)\"");

    private record Minted(String authorization, long nanos) {}

    private final Map<String, Minted> tokens = new ConcurrentHashMap<>();

    /**
     * {@code Bearer ...} of the auditor or of an agency, minted at most once a minute (tokens live five minutes), so
     * that signing tokens stays out of the timings.
     */
    private String bearer(String caller) {
        long now = System.nanoTime();
        return tokens.compute(
                        caller,
                        (name, known) -> known != null && now - known.nanos() < 60_000_000_000L
                                ? known
                                : new Minted(
                                        name.equals("auditor") ? TestIssuer.auditor() : TestIssuer.agency(name), now))
                .authorization();
    }

    private static String agreeBody(String commitmentId) {
        return """
                {"commitmentId": "%s", "partnershipId": "jp-uk-digital-partnership",
                 "area": "semiconductors", "title": "Industry-academia-government semiconductor workshop",
                 "description": "Explore further semiconductor cooperation initiatives",
                 "parties": [{"country": "JP", "agencies": ["METI"]}, {"country": "GB", "agencies": ["DSIT"]}],
                 "target": {"quarter": "2099-Q4"}, "agreedOn": "2024-01-16",
                 "source": {"title": "Japan-UK Digital Partnership outcome document",
                            "url": "https://www.meti.go.jp/english/press/2024/0116_002.html", "section": "2(2)"},
                 "actingAgency": "JP/METI"}""".formatted(commitmentId);
    }

    private static String progressBody(int i) {
        return """
                {"note": "Progress report %d: agencies met to agree the agenda for semiconductor cooperation",
                 "reportedOn": "2024-02-01", "actingAgency": "%s"}""".formatted(i, i % 2 == 0 ? "GB/DSIT" : "JP/METI");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. Report

    private String report(Published published, List<RawRun> rawRuns, List<RebuildRun> rebuildRuns, LoadResult load) {
        double rawMedian = median(rawRuns, RawRun::rate);
        double rebuildMedian = median(rebuildRuns, RebuildRun::rate);
        long bytes = rawRuns.get(0).bytes();
        StringBuilder out = new StringBuilder();
        out.append("=== Projection benchmark ===\n");
        out.append(String.format(
                Locale.ROOT,
                "date              %s%nmachine           %d cores, Java %s, %s %s%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                System.getProperty("os.arch")));
        out.append("setup             embedded KRaft broker (in the test JVM, 3 partitions) + embedded PostgreSQL;"
                + " commitments-service as a child process with its own embedded PostgreSQL\n");
        out.append("\n--- 1. rebuild vs raw consumer ---\n");
        out.append(String.format(
                Locale.ROOT,
                "N                 %,d events on the topic: %d commitments x %d (agreed, 2 confirmed, workshop,"
                        + " progress reports)%n",
                N,
                COMMITMENTS,
                EVENTS_PER_COMMITMENT));
        out.append(String.format(
                Locale.ROOT,
                "record size       %d bytes average (key + value + CloudEvents headers), %.1f MB in all%n",
                bytes / Math.max(1, rawRuns.get(0).records()),
                bytes / 1e6));
        out.append(String.format(
                Locale.ROOT,
                "live consumer     published in %.1f s (%d threads) while it was paused; from resuming, all applied"
                        + " in %.1f s: %,.0f events/s (a backlog; one transaction per poll)%n",
                published.publishNanos() / 1e9,
                PUBLISHERS,
                published.appliedNanos() / 1e9,
                published.liveRate()));
        out.append(String.format(
                Locale.ROOT, "                  %-30s %9s %9s %9s  %9s%n", "", "run 1", "run 2", "run 3", "median"));
        out.append(row("raw consumer", "records/s to end offsets", rawRuns, RawRun::rate));
        out.append(row("rebuild", "events/s POST to DONE", rebuildRuns, RebuildRun::rate));
        out.append(row("rebuild", "eventsPerSecond (own)", rebuildRuns, RebuildRun::ownRate));
        out.append(row("raw consumer", "seconds", rawRuns, r -> r.nanos() / 1e9));
        out.append(row("rebuild", "seconds POST to DONE", rebuildRuns, r -> r.nanos() / 1e9));
        out.append(row("rebuild", "seconds SWITCHING to DONE", rebuildRuns, r -> r.switchingNanos() / 1e9));
        out.append(String.format(
                Locale.ROOT, "ratio             rebuild/raw (medians)          %9.3f%n", rebuildMedian / rawMedian));
        out.append(String.format(
                Locale.ROOT,
                "ratio             live consumer/raw (median)     %9.3f%n",
                published.liveRate() / rawMedian));
        out.append("\n--- 2. read-your-writes lag: command 2xx -> timeline?minVersion=<version>&wait=10s 200 ---\n");
        out.append(String.format(
                Locale.ROOT,
                "load              progress reports at %d/s planned for %d s (after %d s warm-up), round robin over"
                        + " %d commitments, %d command threads; timeline asked asynchronously after each 2xx%n",
                RATE,
                SECONDS,
                WARM_UP_SECONDS,
                LAG_COMMITMENTS,
                WORKERS));
        out.append(String.format(
                Locale.ROOT,
                "commands          %d sent, %d 2xx, %d errors %s, achieved %.1f commands/s%n",
                load.sent(),
                load.succeeded(),
                load.commandErrors(),
                load.errorStatuses().isEmpty() ? "" : load.errorStatuses(),
                load.achievedRate()));
        out.append(percentiles("command latency", load.commandNanos()));
        out.append(percentiles("lag to timeline", load.lagNanos()));
        out.append(percentiles("2xx to on topic", load.topicNanos()));
        out.append(String.format(
                Locale.ROOT,
                "                  (when a raw consumer tailing the topic, fetch.max.wait.ms=%d, saw the event;"
                        + " negative: before the 2xx arrived)%n",
                TAIL_FETCH_WAIT_MS));
        out.append(percentiles("topic to timeline", load.projectionNanos()));
        out.append(String.format(
                Locale.ROOT, "not visible       %d (timeline not at the version within 10 s)%n", load.notVisible()));
        return out.toString();
    }

    private static <T> String row(String what, String unit, List<T> runs, ToDoubleFunction<T> value) {
        return String.format(
                Locale.ROOT,
                "%-17s %-30s %s  %9s%n",
                what,
                unit,
                runs.stream()
                        .map(r -> String.format(Locale.ROOT, "%,9.1f", value.applyAsDouble(r)))
                        .collect(Collectors.joining(" ")),
                String.format(Locale.ROOT, "%,9.1f", median(runs, value)));
    }

    private static String percentiles(String what, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return String.format(Locale.ROOT, "%-17s none%n", what);
        }
        return String.format(
                Locale.ROOT,
                "%-17s count %d, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what,
                sorted.size(),
                percentile(sorted, 0.50),
                percentile(sorted, 0.90),
                percentile(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6);
    }

    /** Nearest rank, in milliseconds. */
    private static double percentile(List<Long> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    private static <T> double median(List<T> runs, ToDoubleFunction<T> value) {
        List<Double> sorted = runs.stream().map(value::applyAsDouble).sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
