package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.DSIT;
import static io.commitmentsledger.projection.support.LedgerTopic.FAR_AHEAD;
import static io.commitmentsledger.projection.support.LedgerTopic.MEETING;
import static io.commitmentsledger.projection.support.LedgerTopic.METI;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.log.NoteSigner;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.LedgerTopic.LedgerRecord;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/**
 * Only records the ledger signed are applied. Forged records produced straight to the topic (unsigned, signed with
 * another key, a real record replayed onto another commitment, a real record with its payload changed) never show in a
 * timeline: each lands in the dead-letter topic with the reason, is counted and shown by health, and holds nothing
 * back. The real event at the forged one's sequence is applied when it comes.
 */
@ProjectionIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RecordVerificationIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    Http http;
    LedgerTopic topic;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        topic = new LedgerTopic(brokers);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void appliesRecordsTheLedgerSignedAndShowsWhatWasVerified() {
        CommitmentId id = newId("signed");
        topic.publish(agreed(id, "jp-uk-digital-partnership", "ai", "Signed and verified", FAR_AHEAD), 0);
        topic.publish(new CommitmentConfirmed(id, METI, MEETING), 1);
        topic.publish(new CommitmentConfirmed(id, DSIT, MEETING), 2);

        assertThat(http.awaitVersion(id, 2).get("status").asString()).isEqualTo("CONFIRMED");
        String first = LedgerTopic.published(id, 0).header(CloudEventHeaders.LOG_INDEX);
        String last = LedgerTopic.published(id, 2).header(CloudEventHeaders.LOG_INDEX);
        String page = http.get("/commitments/" + id).body();
        assertThat(page)
                .contains("Every event verified against the ledger&#39;s signature (log indexes " + first + " to "
                        + last + ", the first and the latest)")
                .contains("/api/v1/commitments/" + id + "/verification");
    }

    @Test
    void anUnsignedRecordIsNotApplied(CapturedOutput output) {
        CommitmentId id = agreedCommitment("unsigned");
        ProgressReported forged = new ProgressReported(id, "Forged: no log headers", null, METI, MEETING);
        LedgerRecord record = LedgerTopic.forged(forged, 1, TestKeys.OTHER)
                .withoutHeaders(
                        CloudEventHeaders.LOG_INDEX,
                        CloudEventHeaders.LEAF_HASH,
                        CloudEventHeaders.PREVIOUS_LEAF_HASH,
                        CloudEventHeaders.LEDGER_SIGNATURE);

        assertRefused(id, record, "missing header ce_logindex");
        assertThat(output.getAll().lines())
                .anyMatch(line -> line.contains("ERROR")
                        && line.contains(id.value())
                        && line.contains("sequence 1")
                        && line.contains("missing header"));
    }

    @Test
    void aRecordSignedWithAnotherKeyIsNotApplied() {
        CommitmentId id = agreedCommitment("other-key");
        LedgerRecord record = LedgerTopic.forged(
                new ProgressReported(id, "Forged: hashes right, key wrong", null, METI, MEETING), 1, TestKeys.OTHER);

        assertRefused(id, record, "signed by an unknown key");
    }

    @Test
    void aRealRecordReplayedOntoAnotherCommitmentIsNotApplied() {
        CommitmentId victim = agreedCommitment("replayed-onto");
        CommitmentId source = agreedCommitment("replayed-from");
        topic.publish(new ProgressReported(source, "Said of another commitment", null, METI, MEETING), 1);
        http.awaitVersion(source, 1);
        LedgerRecord real = LedgerTopic.published(source, 1);
        // key, subject and the payload's commitmentId all name the victim, so the record reads as one of its events
        LedgerRecord replayed = real.withKey(victim.value())
                .withHeader(CloudEventHeaders.SUBJECT, victim.value())
                .withValue(new String(real.value(), StandardCharsets.UTF_8)
                        .replace(source.value(), victim.value())
                        .getBytes(StandardCharsets.UTF_8));

        assertRefused(victim, replayed, "does not hash to its ce_leafhash");
    }

    @Test
    void aRealRecordWithAChangedPayloadIsNotApplied() {
        CommitmentId id = agreedCommitment("changed");
        topic.publish(new ProgressReported(id, "Workshop planned for March", null, METI, MEETING), 1);
        http.awaitVersion(id, 1);
        LedgerRecord real = LedgerTopic.published(id, 1);
        LedgerRecord changed = real.withValue(new String(real.value(), StandardCharsets.UTF_8)
                .replace("planned for March", "cancelled")
                .getBytes(StandardCharsets.UTF_8));

        List<String> reasons = sendAndAwaitDeadLetters(id, changed);
        assertThat(reasons).singleElement().asString().contains("does not hash to its ce_leafhash");
        assertThat(timelineText(id)).contains("planned for March").doesNotContain("cancelled");
    }

    @Test
    void aForgedRecordAheadOfTheRealOneHidesNothing() {
        CommitmentId id = agreedCommitment("forged-first");
        double before = rejectedRecords();

        // a forger signs sequence 1 and 2 with its own key before the ledger's sequence 1 arrives
        topic.send(LedgerTopic.forged(new CommitmentConfirmed(id, DSIT, MEETING), 1, TestKeys.OTHER));
        assertRefused(
                id,
                LedgerTopic.forged(new ProgressReported(id, "Forged two", null, DSIT, MEETING), 1, TestKeys.OTHER),
                "unknown key");
        topic.publish(new CommitmentConfirmed(id, METI, MEETING), 1);
        topic.publish(new CommitmentConfirmed(id, DSIT, MEETING), 2);

        JsonNode summary = http.awaitVersion(id, 2);
        assertThat(summary.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(summary.get("stale").asBoolean()).as("no incident").isFalse();
        assertThat(timelineText(id)).doesNotContain("Forged");
        assertThat(rejectedRecords()).isGreaterThanOrEqualTo(before + 2);
        JsonNode health = http.get("/actuator/health").json().at("/components/recordVerification");
        assertThat(health.get("status").asString()).isEqualTo("DOWN");
        assertThat(health.at("/details/rejectedRecords").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(health.at("/details/lastRejected/reason").asString()).isNotEmpty();
        assertThat(http.get("/actuator/health")
                        .json()
                        .at("/components/projection/details/incidents")
                        .toString())
                .doesNotContain(id.value());
    }

    @Test
    void aSignedEventThatDoesNotChainOntoTheAppliedOneIsNotApplied() {
        CommitmentId id = agreedCommitment("unchained");
        LedgerRecord real = LedgerTopic.record(new CommitmentConfirmed(id, METI, MEETING), 1);
        // signed, yet chained onto another sequence 1 than the one applied: only the chain check can refuse it
        LedgerTopic.record(new CommitmentConfirmed(id, DSIT, MEETING), 1);
        LedgerRecord unchained =
                LedgerTopic.record(new ProgressReported(id, "On another chain", null, DSIT, MEETING), 2);
        topic.send(real);
        http.awaitVersion(id, 1);

        assertRefused(id, unchained, "ce_previousleafhash is not the leaf hash of the applied sequence 1");
    }

    /** Agreed, and applied. */
    private CommitmentId agreedCommitment(String prefix) {
        CommitmentId id = newId(prefix);
        topic.publish(agreed(id, "jp-uk-digital-partnership", "data", "Verification " + prefix, FAR_AHEAD), 0);
        http.awaitVersion(id, 0);
        return id;
    }

    /** Sends {@code record}; it reaches the dead-letter topic with {@code reason} and changes nothing. */
    private void assertRefused(CommitmentId id, LedgerRecord record, String reason) {
        String before = timelineText(id);
        long version =
                http.get("/api/v1/commitments/" + id).json().get("version").asLong();
        assertThat(sendAndAwaitDeadLetters(id, record))
                .anySatisfy(r -> assertThat(r).contains(reason));
        assertThat(http.get("/api/v1/commitments/" + id).json().get("version").asLong())
                .isEqualTo(version);
        assertThat(timelineText(id)).isEqualTo(before);
        assertThat(http.get("/api/v1/commitments/" + id).json().get("stale").asBoolean())
                .isFalse();
    }

    private String timelineText(CommitmentId id) {
        return http.get("/api/v1/commitments/" + id + "/timeline").json().toString();
    }

    private double rejectedRecords() {
        double total = 0;
        for (JsonNode measurement : http.get("/actuator/metrics/ledger.projection.rejected-records")
                .json()
                .get("measurements")) {
            total += measurement.get("value").asDouble();
        }
        return total;
    }

    /** The dead-letter reasons of {@code id}'s records, once this record's has arrived. */
    private List<String> sendAndAwaitDeadLetters(CommitmentId id, LedgerRecord record) {
        String marker = record.header(CloudEventHeaders.ID);
        topic.send(record);
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(EventTypes.DEFAULT_TOPIC + ".DLT"));
            boolean[] found = {false};
            await().atMost(WITHIN).until(() -> {
                for (ConsumerRecord<String, byte[]> dead : consumer.poll(Duration.ofMillis(200))) {
                    if (id.value().equals(dead.key())) {
                        reasons.add(new String(
                                dead.headers()
                                        .lastHeader("kafka_dlt-exception-message")
                                        .value(),
                                StandardCharsets.UTF_8));
                        var idHeader = dead.headers().lastHeader(CloudEventHeaders.ID);
                        found[0] |=
                                idHeader != null && marker.equals(new String(idHeader.value(), StandardCharsets.UTF_8));
                    }
                }
                return found[0];
            });
        }
        return reasons;
    }

    /** A key that is not the ledger's. */
    private static final class TestKeys {
        static final NoteSigner OTHER = NoteSigner.parse(NoteSigner.generate("forger.example/log"));
    }
}
