package io.commitmentsledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.broker.KafkaBroker;
import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.NoteSigner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** verify-topic against a real broker (the repository's kafka-broker, in this JVM), fed as the ledger feeds it. */
class VerifyTopicIT {

    static Path brokerDirectory;
    static KafkaBroker broker;
    static String bootstrapServers;
    static KafkaProducer<String, byte[]> producer;

    TestLedger ledger;
    List<TestLedger.Recorded> events;
    String topic;
    String checkpointTopic;

    @BeforeAll
    static void startBroker() throws Exception {
        brokerDirectory = Files.createTempDirectory("verify-topic-broker");
        int port = freePort();
        broker = KafkaBroker.configure(brokerDirectory, port, freePort());
        broker.start();
        bootstrapServers = "localhost:" + port;
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        broker.stop();
    }

    /** Topics of this test's own, as the ledger creates them; twelve events of four commitments, interleaved. */
    @BeforeEach
    void recordTheLedger(TestInfo test) throws Exception {
        String name = test.getTestMethod().orElseThrow().getName();
        topic = "events-" + name;
        checkpointTopic = "checkpoints-" + name;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1), new NewTopic(checkpointTopic, 1, (short) 1)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
        ledger = TestLedger.withNewKey("commitments-ledger");
        events = new ArrayList<>();
        String[] commitments = {"semiconductor-workshop", "ai-safety-dialogue", "data-free-flow", "open-ran"};
        for (int i = 0; i < 12; i++) {
            events.add(
                    i < 4
                            ? ledger.confirm(commitments[i], "JP/METI")
                            : ledger.progress(commitments[i % 4], "GB/DSIT", "Step " + i));
        }
    }

    @Test
    void aTopicAsTheLedgerPublishedItVerifies() throws Exception {
        TestLedger replay = TestLedger.withKey(ledger.privateKey());
        events.subList(0, 5)
                .forEach(event -> replay.record(
                        event.leaf().commitmentId(),
                        event.leaf().type(),
                        new String(event.leaf().payload())));
        publishCheckpoint(replay.checkpoint());
        events.forEach(this::publish);
        publishCheckpoint(ledger.checkpoint());
        publish(events.get(6)); // re-published after a hole on the topic was filled
        publish(ledger.progress("open-ran", "JP/MIC", "Trial started")); // recorded after the checkpoint

        Verifier.Run run = verify();

        assertThat(run.status()).as(run.report()).isZero();
        assertThat(run.report())
                .contains("14 records, 1 of them identical re-publications, 13 events, log indexes 0 to 12, 4"
                        + " commitments")
                .contains("2 distinct checkpoints verified and checked against the topic")
                .contains("12 leaves, root " + Base64.getEncoder().encodeToString(ledger.rootAt(12)))
                .contains("root matches the topic")
                .contains("1 checked, 0 failed");
    }

    @Test
    void aForgedRepublicationIsNamed() throws Exception {
        events.forEach(this::publish);
        publishCheckpoint(ledger.checkpoint());
        TestLedger.Recorded genuine = events.get(6);
        LogLeaf leaf = genuine.leaf();
        LogLeaf forged = LogLeaf.of(
                leaf.logIndex(),
                leaf.commitmentId(),
                leaf.sequence(),
                leaf.eventId(),
                leaf.type(),
                leaf.revision(),
                leaf.recordedAt(),
                new String(leaf.payload(), StandardCharsets.UTF_8)
                        .replace("Step 6", "Cancelled")
                        .getBytes(StandardCharsets.UTF_8),
                leaf.previousLeafHash());
        NoteSigner impostor = NoteSigner.parse(NoteSigner.generate("commitments-ledger"));
        long forgedOffset = publish(new TestLedger.Recorded(
                forged,
                forged.hash(),
                LeafSignature.sign(impostor, forged.hash()),
                genuine.cloudEventType(),
                genuine.globalPosition()));

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .singleElement()
                .asString()
                .startsWith("FAIL " + topic + " partition " + partitionOf(genuine) + " offset " + forgedOffset
                        + " (log index 6, commitment data-free-flow, sequence 1): log index 6 is also at " + topic
                        + " partition " + partitionOf(genuine) + " offset ")
                .endsWith("a re-publication must be identical; this one is not signed by the ledger");
    }

    @Test
    void twoCheckpointsOfOneSizeWithDifferentRootsFail() throws Exception {
        events.forEach(this::publish);
        publishCheckpoint(ledger.checkpoint());
        TestLedger fork = TestLedger.withKey(ledger.privateKey());
        for (int i = 0; i < 12; i++) {
            fork.confirm("forked-" + i, "JP/METI");
        }
        publishCheckpoint(fork.checkpoint());

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .containsExactly("FAIL checkpoint " + checkpointTopic + " partition 0 offset 1: it covers 12 leaves"
                        + " with root " + Base64.getEncoder().encodeToString(fork.root()) + ", but the checkpoint at "
                        + checkpointTopic + " partition 0 offset 0 signed root "
                        + Base64.getEncoder().encodeToString(ledger.root()) + " for as many: the ledger showed two"
                        + " different logs");
    }

    @Test
    void aRecordMissingFromTheTopicIsNamed() throws Exception {
        events.stream().filter(event -> event.leaf().logIndex() != 9).forEach(this::publish);
        publishCheckpoint(ledger.checkpoint());

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .anyMatch(line -> line.endsWith("log index 10 follows 8: expected 9; log index 9 is missing"))
                .anyMatch(line -> line.contains("root: it covers 12 leaves, but the topic holds only 11"));
    }

    @Test
    void aTopicWithoutAVerifiedCheckpointFails() throws Exception {
        events.forEach(this::publish);
        publishCheckpoint(NoteSigner.parse(NoteSigner.generate("commitments-ledger"))
                .sign(ledger.checkpoint().substring(0, ledger.checkpoint().indexOf("\n\n") + 1)));

        Verifier.Run run = verify();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failures())
                .containsExactly(
                        "FAIL checkpoint " + checkpointTopic + " partition 0 offset 0: no trusted key signed the note",
                        "FAIL checkpoint topic " + checkpointTopic + ": no checkpoint on it verifies: no root can be"
                                + " checked");
        assertThat(run.report()).contains("12 checked, 0 failed");
    }

    private Verifier.Run verify() {
        return Verifier.run(
                "verify-topic",
                "--bootstrap-servers",
                bootstrapServers,
                "--topic",
                topic,
                "--checkpoint-topic",
                checkpointTopic,
                "--key",
                ledger.verifierKey());
    }

    /** Publishes an event as commitments-service does: key, payload and CloudEvents headers. Returns its offset. */
    private long publish(TestLedger.Recorded event) {
        LogLeaf leaf = event.leaf();
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, leaf.eventId());
        header(headers, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE);
        header(headers, CloudEventHeaders.TYPE, event.cloudEventType());
        header(headers, CloudEventHeaders.SUBJECT, leaf.commitmentId());
        header(headers, CloudEventHeaders.TIME, leaf.recordedAt());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_VALUE);
        header(
                headers,
                CloudEventHeaders.DATA_SCHEMA,
                EventTypes.dataSchema(leaf.type(), leaf.revision()).toString());
        header(headers, CloudEventHeaders.COMMITMENT_SEQUENCE, Long.toString(leaf.sequence()));
        header(headers, CloudEventHeaders.GLOBAL_POSITION, Long.toString(event.globalPosition()));
        header(headers, CloudEventHeaders.LOG_INDEX, Long.toString(leaf.logIndex()));
        header(headers, CloudEventHeaders.LEAF_HASH, Base64.getEncoder().encodeToString(event.leafHash()));
        header(
                headers,
                CloudEventHeaders.PREVIOUS_LEAF_HASH,
                Base64.getEncoder().encodeToString(leaf.previousLeafHash()));
        header(headers, CloudEventHeaders.LEDGER_SIGNATURE, event.signature());
        try {
            return producer.send(new ProducerRecord<>(
                            topic, partitionOf(event), leaf.commitmentId(), leaf.payload(), headers))
                    .get(30, TimeUnit.SECONDS)
                    .offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publishCheckpoint(String note) throws Exception {
        producer.send(new ProducerRecord<>(checkpointTopic, "checkpoint", note.getBytes(StandardCharsets.UTF_8)))
                .get(30, TimeUnit.SECONDS);
    }

    /** Each commitment on one partition, as keyed records are. */
    private static int partitionOf(TestLedger.Recorded event) {
        return Math.floorMod(event.leaf().commitmentId().hashCode(), 3);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
