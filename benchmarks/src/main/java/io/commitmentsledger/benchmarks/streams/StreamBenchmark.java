package io.commitmentsledger.benchmarks.streams;

import io.commitmentsledger.benchmarks.streams.PlainBaselines.Run;
import io.commitmentsledger.benchmarks.streams.PlainBaselines.Sample;
import io.commitmentsledger.benchmarks.streams.ServiceSettings.ProducerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

/**
 * The stream half of the benchmark, against a running ledger (both services live, seeds loaded):
 *
 * <ol>
 *   <li>loads {@code commitments x eventsPerCommitment} valid events straight into commitments-service's event store
 *       with COPY, in transactions the publisher follows one by one ({@link EventStoreLoader}): through REST they
 *       would take longer than the whole benchmark, and the publisher and the consumers still do all their real
 *       work (the verifiable log signs every event, projection-service verifies every record);
 *   <li>times the publication, from the first loaded event's commit until the topic's end offsets have grown by the
 *       loaded count, sampling the lag every second;
 *   <li>times projection-service's live consumer while it has a backlog, until it has caught up or the live window
 *       ends;
 *   <li>a plain producer with commitments-service's producer settings sends as many records, with the same keys and
 *       the ledger's own values and headers, to a new topic with the same partitions;
 *   <li>a plain consumer in a fresh group reads the whole event topic;
 *   <li>projection-service rebuilds its read model from the whole topic.
 * </ol>
 *
 * Each figure is a rate over the same broker, PostgreSQL and machine in the same run; the notes say what a reader must
 * know to read them.
 */
public final class StreamBenchmark {

    /** How often the topic's offsets are looked at; a lag sample is kept once a second. */
    private static final Duration POLL = Duration.ofMillis(250);

    private static final Duration SAMPLE = Duration.ofSeconds(1);
    private static final Duration PUBLICATION_LIMIT = Duration.ofMinutes(15);
    private static final Duration BASELINE_LIMIT = Duration.ofMinutes(5);
    private static final Duration REBUILD_LIMIT = Duration.ofMinutes(15);
    /** The ledger's records the plain producer sends again in turn, for their sizes. */
    private static final int SAMPLES = 2_000;

    private final StreamTarget target;
    private final StreamSettings settings;
    private final Path repository;
    private final List<String> notes = new ArrayList<>();
    private final List<LagSample> lag = new ArrayList<>();

    public StreamBenchmark(StreamTarget target, StreamSettings settings) {
        this(target, settings, Path.of(""));
    }

    /** @param repository where the services' application.yml are read from; the working directory by default */
    StreamBenchmark(StreamTarget target, StreamSettings settings, Path repository) {
        this.target = target;
        this.settings = settings;
        this.repository = repository;
    }

    public StreamFigures run() throws Exception {
        String group = ServiceSettings.projectionGroup(repository);
        ProducerSettings producerSettings = ServiceSettings.producer(repository);
        String run = Long.toString(System.currentTimeMillis(), 36);
        CommitmentHistories histories = new CommitmentHistories("streams-" + run, settings.eventsPerCommitment());
        long events = settings.events();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                target.kafkaBootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "streams-benchmark"))) {
            TopicOffsets topic = new TopicOffsets(admin, target.eventTopic(), group);
            Map<TopicPartition, Long> before = topic.ends();

            Stream stream = publishAndApply(topic, histories, before);

            Run producer = plainProducer(admin, topic, producerSettings, histories, before, run);
            long backlogAtConsumer = topic.end() - topic.applied();
            Run consumer = PlainBaselines.consume(
                    target.kafkaBootstrapServers(), "streams-benchmark-" + run, topic.partitions(), BASELINE_LIMIT);
            note(
                    "plain consumer: fresh group, default settings (earliest), partitions assigned, keys as String and"
                            + " values as bytes, nothing else done: %,d records (%,.0f MB of values) in %.1f s%s",
                    consumer.records(), consumer.bytes() / 1e6, consumer.nanos() / 1e9, cut(consumer));
            if (backlogAtConsumer > 0) {
                note(
                        "projection-service's live consumer still had %,d records to apply while the plain clients ran:"
                                + " it shared the machine with them",
                        backlogAtConsumer);
            }

            double rebuild = rebuild(topic, histories);
            return new StreamFigures(
                    events,
                    stream.publicationRate(),
                    producer.perSecond(),
                    stream.liveRate(),
                    rebuild,
                    consumer.perSecond(),
                    lag,
                    notes);
        }
    }

    /** What the stream phase measured. */
    private record Stream(double publicationRate, double liveRate) {}

    /** Steps 1 to 3: load, time the publication, and the live consumer while it has a backlog; sample the lag. */
    private Stream publishAndApply(TopicOffsets topic, CommitmentHistories histories, Map<TopicPartition, Long> before)
            throws Exception {
        long events = settings.events();
        long publishedBefore = sum(before);
        EventStoreLoader loader = new EventStoreLoader(target.storeJdbcUrl(), histories);
        // When the first loaded transaction committed, or why the load failed before it did.
        CompletableFuture<Long> firstCommit = new CompletableFuture<>();
        AtomicLong transactions = new AtomicLong();
        ExecutorService loading = Executors.newSingleThreadExecutor(task -> new Thread(task, "streams-loader"));
        long loadStart = System.nanoTime();
        Future<Long> loaded = loading.submit(() -> {
            try {
                loader.load(settings.commitments(), committed -> {
                    transactions.incrementAndGet();
                    firstCommit.complete(System.nanoTime());
                });
            } catch (Exception | Error failed) {
                firstCommit.completeExceptionally(failed);
                throw failed;
            }
            long end = System.nanoTime();
            firstCommit.complete(end); // nothing to load: publication starts now
            return end;
        });
        loading.shutdown();
        long start = firstCommit.get(PUBLICATION_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        long liveUntil = start + settings.liveWindow().toNanos();
        long publishedAt = 0;
        long liveEnd = 0;
        long backlogStart = 0;
        long appliedAtBacklogStart = 0;
        long appliedAtLiveEnd = 0;
        long nextSample = start;
        long published = 0;
        long applied = 0;
        long end = publishedBefore;
        while (true) {
            long now = System.nanoTime();
            end = topic.end();
            applied = topic.applied();
            published = end - publishedBefore;
            if (publishedAt == 0 && published >= events) {
                publishedAt = now;
            }
            if (backlogStart == 0 && published > 0) {
                backlogStart = now;
                appliedAtBacklogStart = applied;
            }
            boolean caughtUp = publishedAt != 0 && applied >= end;
            if (liveEnd == 0 && backlogStart != 0 && (caughtUp || now >= liveUntil)) {
                liveEnd = now;
                appliedAtLiveEnd = applied;
            }
            if (now >= nextSample) {
                lag.add(new LagSample((now - start) / 1e9, loader.loaded() - published, Math.max(0, end - applied)));
                nextSample += SAMPLE.toNanos();
            }
            if ((publishedAt != 0 || now - start > PUBLICATION_LIMIT.toNanos()) && liveEnd != 0) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        long loadEnd = loaded.get(PUBLICATION_LIMIT.toMillis(), TimeUnit.MILLISECONDS);

        note(
                "loaded %,d events (%,d commitments of %d: agreed, two confirmations, a workshop, progress reports) straight"
                        + " into the event store with COPY in %,d transactions of about %,d events, in %.1f s (%,.0f"
                        + " events/s); loading is not measured, but it ran during the first %.1f s of the publication"
                        + " and shared the machine with it",
                loader.loaded(),
                settings.commitments(),
                settings.eventsPerCommitment(),
                transactions.get(),
                EventStoreLoader.EVENTS_PER_TRANSACTION,
                (loadEnd - loadStart) / 1e9,
                loader.loaded() / ((loadEnd - loadStart) / 1e9),
                (loadEnd - start) / 1e9);
        double publicationRate;
        if (publishedAt != 0) {
            publicationRate = events / ((publishedAt - start) / 1e9);
            note(
                    "publication: %,d events on the topic %.1f s after the first loaded event's commit",
                    events, (publishedAt - start) / 1e9);
        } else {
            long now = System.nanoTime();
            publicationRate = published / ((now - start) / 1e9);
            note(
                    "publication cut short after %s: %,d of %,d events on the topic; the rate is over that time",
                    PUBLICATION_LIMIT, published, events);
        }
        double liveSeconds = (liveEnd - backlogStart) / 1e9;
        double liveRate = (appliedAtLiveEnd - appliedAtBacklogStart) / liveSeconds;
        if (appliedAtLiveEnd >= end && publishedAt != 0) {
            note(
                    "live consumer: caught up, %,d records applied in %.1f s from the first published record",
                    appliedAtLiveEnd - appliedAtBacklogStart, liveSeconds);
        } else {
            note(
                    "live consumer: measured for the live window (%s from the first commit), %,d records applied in %.1f s"
                            + " while it had a backlog; %,d records were still to apply when the window ended (at %.0f"
                            + " events/s about %.0f s more)",
                    settings.liveWindow(),
                    appliedAtLiveEnd - appliedAtBacklogStart,
                    liveSeconds,
                    end - applied,
                    liveRate,
                    (end - applied) / Math.max(1, liveRate));
        }
        return new Stream(publicationRate, liveRate);
    }

    /** Step 4: the ledger's records again, same count and keys, from a plain producer to a topic of their own. */
    private Run plainProducer(
            Admin admin,
            TopicOffsets topic,
            ProducerSettings producerSettings,
            CommitmentHistories histories,
            Map<TopicPartition, Long> before,
            String run)
            throws Exception {
        List<Sample> samples = PlainBaselines.samples(target.kafkaBootstrapServers(), before, SAMPLES, BASELINE_LIMIT);
        if (samples.isEmpty()) {
            throw new IllegalStateException("no published record to take the plain producer's sizes from");
        }
        String plainTopic = "streams-benchmark-plain-producer-" + run;
        int partitions = topic.partitions().size();
        short replicas =
                (short) topic.description().partitions().get(0).replicas().size();
        admin.createTopics(List.of(new NewTopic(plainTopic, partitions, replicas)))
                .all()
                .get();
        int perCommitment = histories.eventsPerCommitment();
        String[] key = {histories.id(0).value()};
        Run producer;
        try {
            producer = PlainBaselines.produce(
                    target.kafkaBootstrapServers(),
                    plainTopic,
                    producerSettings.properties(),
                    settings.events(),
                    i -> {
                        if (i % perCommitment == 0) {
                            key[0] = histories.id(i / perCommitment).value();
                        }
                        return key[0];
                    },
                    samples,
                    BASELINE_LIMIT);
        } finally {
            admin.deleteTopics(List.of(plainTopic)).all().get();
        }
        double sampleBytes =
                samples.stream().mapToLong(s -> s.value().length).average().orElse(0);
        double headerBytes = samples.stream()
                .mapToLong(s -> {
                    long size = 0;
                    for (var header : s.headers()) {
                        size += header.key().length() + header.value().length;
                    }
                    return size;
                })
                .average()
                .orElse(0);
        note(
                "plain producer: %,d records acknowledged in %.1f s to a new topic of %d partitions (deleted after), keyed"
                        + " by the loaded commitments, values and headers taken in turn from %,d of the ledger's"
                        + " published records (%.0f + %.0f bytes on average), with commitments-service's producer"
                        + " settings %s%s%s",
                producer.records(),
                producer.nanos() / 1e9,
                partitions,
                samples.size(),
                sampleBytes,
                headerBytes,
                producerSettings.properties(),
                producerSettings.ignored().isEmpty() ? "" : " (not applied: " + producerSettings.ignored() + ")",
                cut(producer));
        return producer;
    }

    /** Step 6: a rebuild over the whole topic, from the request until it is DONE. */
    private double rebuild(TopicOffsets topic, CommitmentHistories histories) throws Exception {
        ProjectionService projection = new ProjectionService(target.projectionService());
        long backlog = topic.end() - topic.applied();
        long start = System.nanoTime();
        ProjectionService.Answer started = projection.startRebuild(target.adminToken());
        if (started.status() != 202) {
            note("rebuild: not started, %d %s", started.status(), started.body());
            return Double.NaN;
        }
        JsonNode status;
        String state;
        while (true) {
            status = projection.rebuildStatus(target.adminToken()).json();
            state = status.path("state").asString("");
            if (state.equals("DONE") || state.equals("FAILED")) {
                break;
            }
            if (System.nanoTime() - start > REBUILD_LIMIT.toNanos()) {
                break;
            }
            Thread.sleep(200);
        }
        long nanos = System.nanoTime() - start;
        long done = status.path("eventsDone").asLong();
        double rate = done / (nanos / 1e9);
        note(
                "rebuild: %s after %.1f s, %,d events applied of %,d on the topic (the service's own rate %s events/s),"
                        + " %d incidents, %d records rejected, %d unreadable%s",
                state,
                nanos / 1e9,
                done,
                status.path("eventsTotal").asLong(),
                status.path("eventsPerSecond").isNumber()
                        ? String.format(
                                Locale.ROOT,
                                "%,.0f",
                                status.path("eventsPerSecond").asDouble())
                        : "n/a",
                status.path("incidents").size(),
                status.path("rejectedSkipped").asLong(),
                status.path("unreadableSkipped").asLong(),
                state.equals("DONE")
                        ? ""
                        : "; cut short after " + REBUILD_LIMIT + ", the rate is over that time: "
                                + status.path("failure").asString(""));
        if (backlog > 0) {
            note(
                    "rebuild: the live consumer still had %,d records to apply when it started; it kept applying them"
                            + " (sharing projection-service's CPU and database with the rebuild) until the rebuild paused it to"
                            + " switch, and re-reads them as duplicates afterwards",
                    backlog);
        }
        Optional<String> check = lastCommitment(projection, histories);
        check.ifPresent(this::note);
        return rate;
    }

    /** After the rebuild, the last loaded commitment as an auditor reads it: every event applied, not stale. */
    private Optional<String> lastCommitment(ProjectionService projection, CommitmentHistories histories)
            throws Exception {
        String id = histories.id(settings.commitments() - 1).value();
        ProjectionService.Answer answer = projection.commitment(id, target.auditorToken());
        if (answer.status() != 200) {
            return Optional.of("check: the last loaded commitment " + id + " answered " + answer.status());
        }
        JsonNode json = answer.json();
        long version = json.path("version").asLong(-1);
        boolean stale = json.path("stale").asBoolean(false);
        return Optional.of(String.format(
                Locale.ROOT,
                "check: the last loaded commitment %s reads version %d (expected" + " %d)%s",
                id,
                version,
                settings.eventsPerCommitment() - 1,
                stale ? ", STALE" : ", not stale"));
    }

    private void note(String format, Object... arguments) {
        notes.add(String.format(Locale.ROOT, format, arguments));
    }

    private static String cut(Run run) {
        return run.failure() == null ? "" : "; " + run.failure();
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
