package io.commitmentsledger.ledger.publication;

import static io.commitmentsledger.ledger.support.LedgerClient.progressBody;
import static io.commitmentsledger.ledger.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.ledger.support.TopicRecorder;
import io.commitmentsledger.ledger.support.TopicRecorder.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A hole on the topic, as records a single broker lost in an operating-system crash would leave, is filled from the
 * event store: the re-published records are the originals again, and a subscriber that deduplicates by commitment
 * and sequence (as projection-service does) ends with every event applied exactly once.
 */
@LedgerIntegrationTest
class RepublicationIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String REPUBLICATIONS = "/api/v1/admin/republications";

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    LedgerClient client;

    @BeforeEach
    void setUp() {
        client = new LedgerClient(port);
    }

    @Test
    void fillsAHoleOnTheTopicFromTheStoreSoASubscriberEndsCompleteWithNoDuplicateApplied() throws Exception {
        String id = client.agreeNew("hole");
        report(id, 3);
        List<Received> originals;
        try (TopicRecorder before = new TopicRecorder(brokers, EventTypes.DEFAULT_TOPIC)) {
            await().atMost(WITHIN).until(() -> before.forKey(id).size() == 4);
            originals = before.forKey(id);
        }

        // The broker loses the commitment's first three records: its partition now starts at sequence 3.
        Received third = originals.get(3);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.deleteRecords(Map.of(
                            new TopicPartition(EventTypes.DEFAULT_TOPIC, third.partition()),
                            RecordsToDelete.beforeOffset(third.offset())))
                    .all()
                    .get();
        }
        report(id, 2);

        try (TopicRecorder topic = new TopicRecorder(brokers, EventTypes.DEFAULT_TOPIC)) {
            await().atMost(WITHIN).until(() -> topic.forKey(id).size() == 3);
            Subscriber waiting = Subscriber.of(topic.forKey(id));
            assertThat(waiting.applied()).isEmpty();
            assertThat(waiting.parked()).containsExactly(3L, 4L, 5L);

            // What projection-service's health reports for it: missing from sequence 0, parked from 3.
            var repaired = client.post(REPUBLICATIONS, """
                    {"commitmentId": "%s", "fromSequence": 0, "toSequence": 2}""".formatted(id));

            assertThat(repaired.status()).as(repaired.body()).isEqualTo(200);
            assertThat(repaired.json().get("republished").asLong()).isEqualTo(3);
            await().atMost(WITHIN).until(() -> topic.forKey(id).size() == 6);
            Subscriber complete = Subscriber.of(topic.forKey(id));
            assertThat(complete.applied())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(0, 5).boxed().toList());
            assertThat(complete.parked()).isEmpty();
            List<Received> republished = topic.forKey(id).subList(3, 6);
            for (int sequence = 0; sequence < 3; sequence++) {
                assertSameRecord(republished.get(sequence), originals.get(sequence));
            }

            // Re-publishing a whole range again is harmless: every record is a duplicate the subscriber ignores.
            long first = globalPosition(republished.get(0));
            long last = globalPosition(topic.forKey(id).get(2));
            var again = client.post(REPUBLICATIONS, """
                    {"fromGlobalPosition": %d, "toGlobalPosition": %d}""".formatted(first, last));

            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("republished").asLong()).isGreaterThanOrEqualTo(6);
            await().atMost(WITHIN).until(() -> topic.forKey(id).size() == 12);
            Subscriber afterDuplicates = Subscriber.of(topic.forKey(id));
            assertThat(afterDuplicates.applied()).isEqualTo(complete.applied());
            assertThat(afterDuplicates.ignored()).isEqualTo(6);
        }
    }

    @Test
    void answersProblemsForRequestsItCannotServe() {
        assertProblem(client.post(REPUBLICATIONS, "{}"), 400, "invalid-request");
        assertProblem(client.post(REPUBLICATIONS, """
                        {"fromGlobalPosition": 5, "toGlobalPosition": 2}"""), 400, "invalid-request");
        assertProblem(client.post(REPUBLICATIONS, """
                        {"commitmentId": "never-agreed", "fromGlobalPosition": 1, "fromSequence": 0}"""), 400, "invalid-request");
        assertProblem(client.post(REPUBLICATIONS, """
                        {"commitmentId": "never-agreed-anywhere", "fromSequence": 0}"""), 404, "commitment-not-found");
        assertProblem(client.post(REPUBLICATIONS, """
                {"fromGlobalPosition": "first"}"""), 400, "malformed-request");
    }

    private void report(String id, int count) {
        for (int n = 0; n < count; n++) {
            var response = client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("n" + n));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
    }

    private static long globalPosition(Received record) {
        return Long.parseLong(record.header(CloudEventHeaders.GLOBAL_POSITION));
    }

    private static void assertSameRecord(Received republished, Received original) {
        assertThat(republished.key()).isEqualTo(original.key());
        assertThat(republished.value()).isEqualTo(original.value());
        assertThat(republished.headers()).isEqualTo(original.headers());
    }

    /**
     * A subscriber that applies a commitment's records as projection-service does: in sequence order, ignoring a
     * sequence it has applied, parking a later one until the missing ones arrive.
     */
    private record Subscriber(List<Long> applied, Set<Long> parked, int ignored) {

        static Subscriber of(List<Received> records) {
            List<Long> applied = new ArrayList<>();
            TreeMap<Long, Received> parked = new TreeMap<>();
            int ignored = 0;
            long version = -1;
            for (Received record : records) {
                long sequence = record.sequence();
                if (sequence <= version || parked.containsKey(sequence)) {
                    ignored++;
                } else if (sequence > version + 1) {
                    parked.put(sequence, record);
                } else {
                    applied.add(sequence);
                    version = sequence;
                    while (parked.remove(version + 1) != null) {
                        version++;
                        applied.add(version);
                    }
                }
            }
            return new Subscriber(applied, parked.keySet(), ignored);
        }
    }
}
