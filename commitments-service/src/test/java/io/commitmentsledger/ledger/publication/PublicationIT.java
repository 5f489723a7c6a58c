package io.commitmentsledger.ledger.publication;

import static io.commitmentsledger.ledger.support.LedgerClient.confirmBody;
import static io.commitmentsledger.ledger.support.LedgerClient.progressBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.EventSchemas;
import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.ledger.support.TestLogKey;
import io.commitmentsledger.ledger.support.TopicRecorder;
import io.commitmentsledger.ledger.support.TopicRecorder.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Every recorded event reaches a real Kafka broker: once or more, in each commitment's order, never skipped. */
@LedgerIntegrationTest
class PublicationIT {

    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EventProcessingConfiguration processing;

    LedgerClient client;
    TopicRecorder topic;

    @BeforeEach
    void setUp() {
        client = new LedgerClient(port);
        topic = new TopicRecorder(brokers, EventTypes.DEFAULT_TOPIC);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        topic.close();
    }

    /** The commitment's events as the event store holds them, in sequence order. */
    private List<JsonNode> stored(String id) {
        List<JsonNode> events = new ArrayList<>();
        client.get("/api/v1/commitments/" + id + "/events").json().get("events").forEach(events::add);
        return events;
    }

    private void awaitOnTopic(String id, int count) {
        await().atMost(PUBLISHED_WITHIN)
                .untilAsserted(() -> assertThat(topic.firstSeenSequences(id)).hasSize(count));
    }

    @Test
    void publishesEachEventKeyedByCommitmentWithCloudEventsHeaders() {
        String id = client.agreeNew("published");
        client.post("/api/v1/commitments/" + id + "/confirmations", confirmBody("GB/DSIT"));

        awaitOnTopic(id, 2);

        List<JsonNode> stored = stored(id);
        List<Received> records = topic.forKey(id);
        for (int i = 0; i < 2; i++) {
            Received record = records.get(i);
            JsonNode event = stored.get(i);
            String name = event.get("type").asString();
            assertThat(record.headers())
                    .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                    .containsEntry(CloudEventHeaders.ID, event.get("eventId").asString())
                    .containsEntry(CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE)
                    .containsEntry(
                            CloudEventHeaders.TYPE,
                            "dev.commitments-ledger." + name + ".v"
                                    + event.get("revision").asString())
                    .containsEntry(CloudEventHeaders.SUBJECT, id)
                    .containsEntry(
                            CloudEventHeaders.TIME, event.get("recordedAt").asString())
                    .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/json")
                    .containsEntry(
                            CloudEventHeaders.DATA_SCHEMA,
                            "https://commitments-ledger.dev/schemas/" + name + "/v"
                                    + event.get("revision").asString() + ".json")
                    .containsEntry(CloudEventHeaders.COMMITMENT_SEQUENCE, String.valueOf(i))
                    .containsEntry(
                            CloudEventHeaders.GLOBAL_POSITION,
                            event.get("globalPosition").asString());
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .isEqualTo(event.get("payload").toString());
        }
    }

    /**
     * A subscriber holding only the ledger's verifier key checks each record on its own: the leaf rebuilt from the
     * record's headers and value has the hash {@code ce_leafhash}, which the ledger signed, and which the
     * commitment's next record names as its previous leaf hash.
     */
    @Test
    void publishesEachEventWithItsSignedLeafChainedToTheCommitmentsPreviousRecord() throws Exception {
        String id = client.agreeNew("log-headers");
        client.post("/api/v1/commitments/" + id + "/confirmations", confirmBody("GB/DSIT"));
        client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("chained"));
        awaitOnTopic(id, 3);

        Base64.Decoder base64 = Base64.getDecoder();
        byte[] previous = LogLeaf.NO_PREVIOUS_LEAF;
        Set<Long> logIndexes = new HashSet<>();
        for (Received record : topic.forKey(id).subList(0, 3)) {
            EventTypes.NameAndRevision type = EventTypes.nameAndRevision(record.header(CloudEventHeaders.TYPE))
                    .orElseThrow();
            long logIndex = Long.parseLong(record.header(CloudEventHeaders.LOG_INDEX));
            byte[] leafHash = base64.decode(record.header(CloudEventHeaders.LEAF_HASH));
            byte[] previousLeafHash = base64.decode(record.header(CloudEventHeaders.PREVIOUS_LEAF_HASH));
            LogLeaf leaf = LogLeaf.of(
                    logIndex,
                    record.key(),
                    record.sequence(),
                    record.eventId(),
                    type.name(),
                    Integer.toString(type.revision()),
                    record.header(CloudEventHeaders.TIME),
                    record.value(),
                    previousLeafHash);

            assertThat(leaf.hash())
                    .as("leaf rebuilt from record %s", record.sequence())
                    .isEqualTo(leafHash);
            LeafSignature.verify(
                    leafHash, record.header(CloudEventHeaders.LEDGER_SIGNATURE), List.of(TestLogKey.verifier()));
            assertThat(previousLeafHash).as("chain at %s", record.sequence()).isEqualTo(previous);
            assertThat(logIndexes.add(logIndex)).isTrue();
            previous = leafHash;
        }
    }

    @Test
    void publishesWhatASubscriberReadsWithOnlyTheContractsAKafkaClientAndJackson() {
        String id = client.agreeNew("subscriber");
        client.post("/api/v1/commitments/" + id + "/confirmations", confirmBody("GB/DSIT"));
        awaitOnTopic(id, 2);

        ObjectMapper plainJackson = JsonMapper.builder().build();
        List<CommitmentEvent> events = topic.forKey(id).stream()
                .map(record -> (CommitmentEvent) plainJackson.readValue(
                        record.value(),
                        EventTypes.forCloudEventType(record.header(CloudEventHeaders.TYPE))
                                .orElseThrow()))
                .toList();

        assertThat(events.get(0)).isInstanceOf(CommitmentAgreed.class);
        assertThat(events.get(1))
                .isEqualTo(new CommitmentConfirmed(
                        new CommitmentId(id), ActingAgency.parse("GB/DSIT"), LocalDate.of(2024, 1, 16)));
    }

    @Test
    void publishesEveryEventTypeValidAgainstTheJsonSchemaItsRecordNames() {
        String id = client.agreeNew("schemas");
        String withdrawn = client.agreeNew("schemas-withdrawn");
        String base = "/api/v1/commitments/" + id;
        List<String[]> commands = List.of(
                new String[] {"/confirmations", confirmBody("JP/METI")},
                new String[] {"/confirmations", confirmBody("GB/DSIT")},
                new String[] {"/workshops", """
                        {"workshopId": "w1", "title": "Workshop", "when": {"quarter": "2024-Q1"}, "format": "ONLINE",
                         "host": "GB", "scheduledOn": "2024-01-16", "actingAgency": "GB/DSIT"}"""},
                new String[] {"/workshops/w1/reschedulings", """
                        {"when": {"start": "2024-03-04", "end": "2024-03-05"}, "format": "IN_PERSON",
                         "location": "London", "reason": "Venue found", "rescheduledOn": "2024-02-01",
                         "actingAgency": "GB/DSIT"}"""},
                new String[] {"/workshops/w1/cancellation", """
                        {"reason": "Clash", "cancelledOn": "2024-02-10", "actingAgency": "JP/METI"}"""},
                new String[] {"/workshops", """
                        {"workshopId": "w2", "title": "Workshop", "when": {"date": "2024-03-20"}, "format": "HYBRID",
                         "host": "JP", "scheduledOn": "2024-02-10", "actingAgency": "JP/METI"}"""},
                new String[] {"/workshops/w2/outcome", """
                        {"heldOn": "2024-03-20", "outcome": "Three joint projects", "actingAgency": "JP/METI"}"""},
                new String[] {"/progress-reports", """
                        {"note": "Report published", "evidence": "https://www.meti.go.jp/english/",
                         "reportedOn": "2024-03-25", "actingAgency": "JP/METI"}"""},
                new String[] {"/progress-reports", progressBody("No link")},
                new String[] {"/amendments", """
                        {"target": {"date": "2024-04-30"}, "reason": "Report due", "amendedOn": "2024-03-25",
                         "actingAgency": "GB/DSIT"}"""},
                new String[] {"/amendments", """
                        {"target": null, "reason": "The source gives no date", "amendedOn": "2024-03-26",
                         "actingAgency": "GB/DSIT"}"""},
                new String[] {"/agreement-date-corrections", """
                        {"agreedOn": "2024-01", "reason": "The source gives only the month",
                         "correctedOn": "2024-03-26", "actingAgency": "JP/METI"}"""},
                new String[] {"/completions", LedgerClient.completionBody("JP/METI")},
                new String[] {"/completions", LedgerClient.completionBody("GB/DSIT")});
        for (String[] command : commands) {
            var response = client.post(base + command[0], command[1]);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        client.post("/api/v1/commitments/" + withdrawn + "/withdrawal", """
                {"reason": "Superseded", "withdrawnOn": "2024-02-01", "actingAgency": "GB/DSIT"}""");
        awaitOnTopic(id, 16);
        awaitOnTopic(withdrawn, 2);

        ObjectMapper json = JsonMapper.builder().build();
        Set<String> types = new HashSet<>();
        for (Received record : concat(topic.forKey(id), topic.forKey(withdrawn))) {
            types.add(record.header(CloudEventHeaders.TYPE));
            assertThat(EventSchemas.at(record.header(CloudEventHeaders.DATA_SCHEMA))
                            .validate(json.readTree(record.value())))
                    .as(
                            "%s %s",
                            record.header(CloudEventHeaders.TYPE), new String(record.value(), StandardCharsets.UTF_8))
                    .isEmpty();
        }
        assertThat(types)
                .containsExactlyInAnyOrderElementsOf(EventTypes.all().stream()
                        .map(EventTypes::cloudEventType)
                        .toList());
    }

    private static List<Received> concat(List<Received> first, List<Received> second) {
        List<Received> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void publishesRecordsTheCloudEventsSdkReadsInBinaryMode() {
        String id = client.agreeNew("cloudevents");
        awaitOnTopic(id, 1);
        Received record = topic.forKey(id).get(0);
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));

        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            CloudEvent event = deserializer.deserialize(EventTypes.DEFAULT_TOPIC, headers, record.value());

            assertThat(event.getId()).isEqualTo(record.eventId());
            assertThat(event.getType()).isEqualTo("dev.commitments-ledger.CommitmentAgreed.v2");
            assertThat(event.getSubject()).isEqualTo(id);
            assertThat(event.getTime()).isNotNull();
            assertThat(event.getDataSchema())
                    .hasToString("https://commitments-ledger.dev/schemas/CommitmentAgreed/v2.json");
            assertThat(event.getExtension("commitmentsequence")).isEqualTo("0");
            assertThat(event.getData().toBytes()).isEqualTo(record.value());
        }
    }

    /**
     * Many writers commit into many commitments at once, so PostgreSQL commits global indexes out of order, and one
     * deliberately slow transaction holds its index open while the publisher moves past it. Every stored event
     * must still reach the topic, each commitment's in sequence order without holes.
     */
    @Test
    void publishesEveryEventCommittedOutOfGlobalOrderIncludingASlowTransaction() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(client.agreeNew("gaps"));
        }
        String slowId = LedgerClient.uniqueId("slow");
        CountDownLatch slowInserted = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(17);
        try {
            Future<?> slow = threads.submit(() -> transaction.executeWithoutResult(tx -> {
                storageEngine.appendEvents(new GenericDomainEventMessage<>(
                        "Commitment",
                        slowId,
                        0,
                        new CommitmentConfirmed(
                                new CommitmentId(slowId), ActingAgency.parse("GB/DSIT"), LocalDate.of(2024, 1, 16))));
                slowInserted.countDown();
                awaitQuietly(releaseSlow);
            }));
            slowInserted.await();

            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 16; writer++) {
                writers.add(threads.submit(() -> {
                    for (int n = 0; n < 25; n++) {
                        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        var response =
                                client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("n" + n));
                        assertThat(response.status()).as(response.body()).isEqualTo(200);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            // The publisher has gone past the slow transaction's global index before that index commits.
            await().atMost(PUBLISHED_WITHIN)
                    .untilAsserted(() -> assertThat(ids)
                            .allSatisfy(id -> assertThat(topic.firstSeenSequences(id))
                                    .hasSize(stored(id).size())));
            assertThat(topic.forKey(slowId)).isEmpty();

            releaseSlow.countDown();
            slow.get();
        } finally {
            releaseSlow.countDown();
            threads.shutdownNow();
        }

        await().atMost(PUBLISHED_WITHIN).until(() -> !topic.forKey(slowId).isEmpty());
        ids.add(slowId);
        for (String id : ids) {
            List<JsonNode> stored = stored(id);
            assertThat(topic.firstSeenSequences(id))
                    .as("sequences of %s on the topic", id)
                    .containsExactlyElementsOf(
                            LongStream.range(0, stored.size()).boxed().toList());
            Set<String> publishedIds = new HashSet<>();
            topic.forKey(id).forEach(record -> publishedIds.add(record.eventId()));
            stored.forEach(event ->
                    assertThat(publishedIds).contains(event.get("eventId").asString()));
        }
        assertEveryRecordNamesItsStoredRow(ids);
    }

    /**
     * Each record's key and headers name exactly the stored row of its event: the global position above all, which
     * a reader follows to {@code GET /api/v1/events/{globalPosition}} and which must not be another event's.
     */
    private void assertEveryRecordNamesItsStoredRow(List<String> ids) {
        Map<String, StoredRow> rows = new HashMap<>();
        jdbc.sql("SELECT event_identifier, aggregate_identifier, sequence_number, global_index"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ANY (?)")
                .param(ids.toArray(String[]::new))
                .query((row, n) -> new StoredRow(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)))
                .list()
                .forEach(row -> rows.put(row.eventId(), row));
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (String id : ids) {
            for (Received record : topic.forKey(id)) {
                StoredRow row = rows.get(record.eventId());
                StoredRow published = new StoredRow(
                        record.eventId(),
                        record.header(CloudEventHeaders.SUBJECT),
                        record.sequence(),
                        Long.parseLong(record.header(CloudEventHeaders.GLOBAL_POSITION)));
                if (!published.equals(row) || !record.key().equals(published.commitmentId())) {
                    wrong.add("record " + published + " key " + record.key() + " but stored " + row);
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(rows.size());
        assertThat(wrong).as("records of %s compared with the store", compared).isEmpty();
    }

    private record StoredRow(String eventId, String commitmentId, long sequence, long globalPosition) {}

    @Test
    void resumesFromItsStoredPositionAfterARestartWithNothingLost() throws Exception {
        String id = client.agreeNew("restart");
        awaitOnTopic(id, 1);
        StreamingEventProcessor publisher = processing
                .eventProcessor(KafkaEventPublisher.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();

        publisher.shutdownAsync().get();
        try {
            for (int n = 0; n < 10; n++) {
                assertThat(client.post(
                                        "/api/v1/commitments/" + id + "/progress-reports",
                                        progressBody("while stopped " + n))
                                .status())
                        .isEqualTo(200);
            }
            assertThat(topic.forKey(id)).hasSize(1);
        } finally {
            publisher.start();
        }

        awaitOnTopic(id, 11);
        assertThat(topic.firstSeenSequences(id))
                .containsExactlyElementsOf(LongStream.range(0, 11).boxed().toList());
        Map<String, List<Received>> byKey = topic.byKey();
        assertThat(byKey.get(id)).hasSize(11);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
