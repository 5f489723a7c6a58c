package io.commitmentsledger.ledger.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.SampleText;
import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the ledger publishes recorded events to Kafka, next to how fast a plain Kafka producer with the same
 * settings sends the same records to the same broker. Not part of the default build (the class name ends in neither
 * Test nor IT); run it with {@code ./mvnw -pl commitments-service -am verify -Pbenchmark}.
 *
 * <p>Each round appends {@value #N} {@link ProgressReported} events straight to the event store (spread over
 * {@value #COMMITMENTS} commitments) while the {@code kafka-publisher} processor is stopped. The raw baseline then
 * sends exactly those events, as stored (key, payload bytes and the publisher's CloudEvents headers), to a topic of
 * its own with the same partition count; after that the processor is started and timed until its position reaches
 * the head of the store. Both rates include waiting for every acknowledgement. Absolute figures drift between runs
 * and machines; the ratio is the figure to compare. The benchmark fails only if something is lost, never on speed.
 */
@LedgerIntegrationTest
class PublicationBenchmark {

    /** Records per measured run, for each side. */
    static final int N = 50_000;

    static final int WARM_UP = 20_000;
    static final int ROUNDS = 3;
    static final int COMMITMENTS = 200;

    /** Events per append transaction while preparing a run (not timed). */
    private static final int APPEND_CHUNK = 500;

    private static final String RAW_TOPIC = "publication-benchmark-raw";
    private static final long TIMEOUT_MS = TimeUnit.MINUTES.toMillis(2);

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    @Value("${ledger.publication.topic}")
    String ledgerTopic;

    @Value("${benchmark.output:target/benchmark/publication.txt}")
    Path output;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ProducerFactory<?, ?> serviceProducerFactory;

    private final Random random = new Random(20240116);
    private final Map<String, Long> nextSequence = new HashMap<>();

    /** One stored event as the publisher sends it: key, payload bytes as stored, CloudEvents headers. */
    record Stored(String key, byte[] value, List<Header> headers) {

        int size() {
            return key.getBytes(StandardCharsets.UTF_8).length
                    + value.length
                    + headers.stream()
                            .mapToInt(h -> h.key().length() + h.value().length)
                            .sum();
        }
    }

    record RawRun(int records, long nanos) {
        double rate() {
            return records / (nanos / 1e9);
        }
    }

    record LedgerRun(int events, long nanos, long firstProgressNanos, long published) {
        double rate() {
            return events / (nanos / 1e9);
        }

        double rateAfterStart() {
            return events / ((nanos - firstProgressNanos) / 1e9);
        }
    }

    @Test
    void ledgerPublicationAgainstARawProducer() throws Exception {
        StreamingEventProcessor publisher = processing
                .eventProcessor(KafkaEventPublisher.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
                KafkaProducer<String, byte[]> raw = rawProducer()) {
            int partitions = admin.describeTopics(List.of(ledgerTopic))
                    .allTopicNames()
                    .get()
                    .get(ledgerTopic)
                    .partitions()
                    .size();
            admin.createTopics(List.of(new NewTopic(RAW_TOPIC, partitions, (short) 1)))
                    .all()
                    .get();
            awaitCaughtUp(publisher, System.nanoTime());

            // Warm-up of both sides: class loading, JIT, producer connections and metadata, the processor's path.
            List<Stored> warmUp = prepare(publisher, WARM_UP);
            sendRaw(raw, admin, warmUp);
            publishLedger(publisher, admin, WARM_UP);

            List<RawRun> rawRuns = new ArrayList<>();
            List<LedgerRun> ledgerRuns = new ArrayList<>();
            List<Double> appendRates = new ArrayList<>();
            int recordSize = 0;
            IntSummaryStatistics valueSizes = null;
            for (int round = 0; round < ROUNDS; round++) {
                long appendStart = System.nanoTime();
                List<Stored> records = prepare(publisher, N);
                appendRates.add(N / ((System.nanoTime() - appendStart) / 1e9));
                rawRuns.add(sendRaw(raw, admin, records));
                ledgerRuns.add(publishLedger(publisher, admin, N));
                recordSize =
                        (int) records.stream().mapToInt(Stored::size).average().orElseThrow();
                valueSizes = records.stream().mapToInt(r -> r.value().length).summaryStatistics();
            }

            String report = report(partitions, recordSize, valueSizes, appendRates, rawRuns, ledgerRuns);
            System.out.println(report);
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, report);

            for (LedgerRun run : ledgerRuns) {
                assertThat(run.published())
                        .as("records the ledger put on its topic")
                        .isGreaterThanOrEqualTo(N);
            }
        } finally {
            if (!publisher.isRunning()) {
                publisher.start();
            }
        }
    }

    /** A plain producer configured exactly as the service's (same factory properties), apart from its client id. */
    private KafkaProducer<String, byte[]> rawProducer() {
        Map<String, Object> config = new HashMap<>(serviceProducerFactory.getConfigurationProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "publication-benchmark-raw");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        assertThat(String.valueOf(config.get(ProducerConfig.ACKS_CONFIG))).isEqualTo("all");
        assertThat(String.valueOf(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)))
                .isEqualTo("true");
        assertThat(String.valueOf(config.get(ProducerConfig.LINGER_MS_CONFIG))).isEqualTo("5");
        assertThat(String.valueOf(config.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)))
                .isEqualTo("5");
        return new KafkaProducer<>(config);
    }

    /**
     * Stops the publisher and appends {@code count} events straight to the store, round robin over the commitments
     * with each commitment's next sequence number. Returns them as they were stored, read back from the table.
     */
    private List<Stored> prepare(StreamingEventProcessor publisher, int count) throws Exception {
        publisher.shutdownAsync().get(30, TimeUnit.SECONDS);
        long before = head();
        List<EventMessage<?>> chunk = new ArrayList<>(APPEND_CHUNK);
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "benchmark-commitment-%03d", i % COMMITMENTS);
            long sequence = nextSequence.merge(id, 1L, Long::sum) - 1;
            chunk.add(new GenericDomainEventMessage<>("Commitment", id, sequence, progress(id)));
            if (chunk.size() == APPEND_CHUNK || i == count - 1) {
                List<EventMessage<?>> events = List.copyOf(chunk);
                transaction.executeWithoutResult(tx -> storageEngine.appendEvents(events));
                chunk.clear();
            }
        }
        List<Stored> stored = jdbc.sql("""
                        SELECT global_index, event_identifier, aggregate_identifier, sequence_number, time_stamp,
                               payload_type, payload_revision, payload
                        FROM domain_event_entry WHERE global_index > ? ORDER BY global_index""")
                .param(before)
                .query((row, n) -> {
                    String type = row.getString("payload_type");
                    String name = type.substring(type.lastIndexOf('.') + 1);
                    String revision = row.getString("payload_revision");
                    String key = row.getString("aggregate_identifier");
                    RecordHeaders headers = new RecordHeaders();
                    header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
                    header(headers, CloudEventHeaders.ID, row.getString("event_identifier"));
                    header(headers, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE);
                    header(headers, CloudEventHeaders.TYPE, EventTypes.cloudEventType(name, revision));
                    header(headers, CloudEventHeaders.SUBJECT, key);
                    header(headers, CloudEventHeaders.TIME, row.getString("time_stamp"));
                    header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_VALUE);
                    header(
                            headers,
                            CloudEventHeaders.DATA_SCHEMA,
                            EventTypes.dataSchema(name, revision).toString());
                    header(headers, CloudEventHeaders.COMMITMENT_SEQUENCE, row.getString("sequence_number"));
                    header(headers, CloudEventHeaders.GLOBAL_POSITION, row.getString("global_index"));
                    return new Stored(key, row.getBytes("payload"), Arrays.asList(headers.toArray()));
                })
                .list();
        assertThat(stored).as("events appended to the store").hasSize(count);
        return stored;
    }

    private ProgressReported progress(String id) {
        return new ProgressReported(
                new CommitmentId(id),
                SampleText.progressNote(random),
                random.nextBoolean() ? URI.create("https://www.meti.go.jp/english/press/2024/0116_002.html") : null,
                ActingAgency.parse(random.nextBoolean() ? "GB/DSIT" : "JP/METI"),
                LocalDate.of(2024, 1, 16).plusDays(random.nextInt(400)));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the records with the plain producer and waits for every acknowledgement. */
    private RawRun sendRaw(KafkaProducer<String, byte[]> raw, Admin admin, List<Stored> records) throws Exception {
        long offsetsBefore = endOffsets(admin, RAW_TOPIC);
        long start = System.nanoTime();
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (Stored record : records) {
            acks.add(raw.send(new ProducerRecord<>(RAW_TOPIC, null, record.key(), record.value(), record.headers())));
        }
        raw.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        long nanos = System.nanoTime() - start;
        assertThat(endOffsets(admin, RAW_TOPIC) - offsetsBefore)
                .as("records on the raw topic")
                .isEqualTo(records.size());
        return new RawRun(records.size(), nanos);
    }

    /** Starts the publisher and waits until its position reaches the head of the store. */
    private LedgerRun publishLedger(StreamingEventProcessor publisher, Admin admin, int count) throws Exception {
        long offsetsBefore = endOffsets(admin, ledgerTopic);
        long head = head();
        long start = System.nanoTime();
        publisher.start();
        long firstProgress = awaitCaughtUp(publisher, start, head);
        long nanos = System.nanoTime() - start;
        long published = endOffsets(admin, ledgerTopic) - offsetsBefore;
        assertThat(published).as("records the ledger put on its topic").isGreaterThanOrEqualTo(count);
        return new LedgerRun(count, nanos, firstProgress - start, published);
    }

    private long awaitCaughtUp(StreamingEventProcessor publisher, long start) throws InterruptedException {
        return awaitCaughtUp(publisher, start, head());
    }

    /** Polls the processor's position until it reaches {@code head}; returns when it first moved. */
    private long awaitCaughtUp(StreamingEventProcessor publisher, long start, long head) throws InterruptedException {
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        long firstProgress = 0;
        long initial = Long.MIN_VALUE;
        while (true) {
            Map<Integer, EventTrackerStatus> status = publisher.processingStatus();
            if (!status.isEmpty()) {
                assertThat(status.values())
                        .as("publisher segments in error")
                        .noneMatch(EventTrackerStatus::isErrorState);
                long position = status.values().stream()
                        .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                        .min()
                        .orElse(-1);
                if (initial == Long.MIN_VALUE) {
                    initial = position;
                }
                if (firstProgress == 0 && position > initial) {
                    firstProgress = System.nanoTime();
                }
                if (position >= head) {
                    return firstProgress == 0 ? System.nanoTime() : firstProgress;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "publisher did not reach position " + head + " within " + TIMEOUT_MS + " ms; status " + status);
            }
            Thread.sleep(2);
        }
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private static long endOffsets(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(info -> info.offset())
                .sum();
    }

    private String report(
            int partitions,
            int recordSize,
            IntSummaryStatistics valueSizes,
            List<Double> appendRates,
            List<RawRun> rawRuns,
            List<LedgerRun> ledgerRuns) {
        double rawMedian = median(rawRuns.stream().map(RawRun::rate).toList());
        double ledgerMedian = median(ledgerRuns.stream().map(LedgerRun::rate).toList());
        double afterStartMedian =
                median(ledgerRuns.stream().map(LedgerRun::rateAfterStart).toList());
        Function<List<Double>, String> rates = list ->
                list.stream().map(r -> String.format(Locale.ROOT, "%,9.0f", r)).collect(Collectors.joining(" "));
        StringBuilder out = new StringBuilder();
        out.append("=== Publication benchmark ===\n");
        out.append(String.format(
                Locale.ROOT,
                "date            %s%nmachine         %d cores, Java %s, %s %s%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                System.getProperty("os.arch")));
        out.append(String.format(
                Locale.ROOT,
                "setup           embedded KRaft broker (in JVM) + embedded PostgreSQL, %d partitions, acks=all,"
                        + " idempotent, linger.ms=5, max.in.flight=5%n",
                partitions));
        out.append(String.format(
                Locale.ROOT,
                "N               %,d records per run, %d commitments, %d rounds (raw then ledger), warm-up %,d%n",
                N,
                COMMITMENTS,
                ROUNDS,
                WARM_UP));
        out.append(String.format(
                Locale.ROOT,
                "record size     %d bytes average (key + value + CloudEvents headers); value min/avg/max %d/%d/%d"
                        + " bytes%n",
                recordSize,
                valueSizes.getMin(),
                Math.round(valueSizes.getAverage()),
                valueSizes.getMax()));
        out.append(String.format(
                Locale.ROOT, "                %-24s %s  median%n", "runs (records/s)", "  run 1     run 2     run 3"));
        out.append(String.format(
                Locale.ROOT,
                "raw producer    %-24s %s  %,9.0f%n",
                "records/s until acked",
                rates.apply(rawRuns.stream().map(RawRun::rate).toList()),
                rawMedian));
        out.append(String.format(
                Locale.ROOT,
                "ledger          %-24s %s  %,9.0f%n",
                "events/s start to head",
                rates.apply(ledgerRuns.stream().map(LedgerRun::rate).toList()),
                ledgerMedian));
        out.append(String.format(
                Locale.ROOT,
                "ledger          %-24s %s  %,9.0f%n",
                "events/s after 1st batch",
                rates.apply(ledgerRuns.stream().map(LedgerRun::rateAfterStart).toList()),
                afterStartMedian));
        out.append(String.format(
                Locale.ROOT,
                "ledger start    %-24s %s%n",
                "ms to first progress",
                ledgerRuns.stream()
                        .map(r -> String.format(Locale.ROOT, "%9d", r.firstProgressNanos() / 1_000_000))
                        .collect(Collectors.joining(" "))));
        out.append(String.format(
                Locale.ROOT,
                "ledger records  %-24s %s%n",
                "on topic per run",
                ledgerRuns.stream()
                        .map(r -> String.format(Locale.ROOT, "%,9d", r.published()))
                        .collect(Collectors.joining(" "))));
        out.append(String.format(
                Locale.ROOT,
                "store append    %-24s %s  %,9.0f%n",
                "events/s (not compared)",
                rates.apply(appendRates),
                median(appendRates)));
        out.append(String.format(
                Locale.ROOT, "ratio           ledger/raw (medians)     %.2f%n", ledgerMedian / rawMedian));
        return out.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
