package io.commitmentsledger.ledger.log;

import static io.commitmentsledger.ledger.support.LedgerClient.progressBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.CompactRange;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.MerkleTree;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.ledger.support.TestLogKey;
import io.commitmentsledger.ledger.support.TopicRecorder;
import io.commitmentsledger.ledger.support.TopicRecorder.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The log the service writes, checked from the tables and the topics alone: gap-free, each event once, each
 * commitment chained in sequence order, every leaf recomputable from the event store, and every checkpoint signed,
 * published and consistent with the one before.
 */
@LedgerIntegrationTest
class VerifiableLogIT {

    private static final Duration LOGGED_WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    String brokers;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VerifiableLog log;

    @Autowired
    LogTree tree;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    LogKeys keys;

    /** A log entry as stored, with the event row it covers. */
    record Entry(
            long logIndex,
            String eventId,
            String commitmentId,
            long sequence,
            byte[] leafHash,
            byte[] previousLeafHash,
            String signature,
            LogLeaf recomputed) {}

    @Test
    void concurrentWritersOverManyCommitmentsLeaveAGapFreeLogOfEveryEventOnceChainedPerCommitment() throws Exception {
        LedgerClient client = new LedgerClient(port);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ids.add(client.agreeNew("log"));
        }
        ExecutorService writers = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 12; writer++) {
                done.add(writers.submit(() -> {
                    for (int n = 0; n < 20; n++) {
                        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        var response =
                                client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("n" + n));
                        assertThat(response.status()).as(response.body()).isEqualTo(200);
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
        long stored = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)")
                .param(ids.toArray(String[]::new))
                .query(Long.class)
                .single();
        await().atMost(LOGGED_WITHIN).until(() -> entriesOf(ids).size() == stored);

        List<Entry> all = entries("TRUE", new Object[0]);
        assertThat(all)
                .extracting(Entry::logIndex)
                .as("log indexes, in order")
                .containsExactlyElementsOf(
                        LongStream.range(0, all.size()).boxed().toList());
        assertThat(all.stream().map(Entry::eventId).distinct().count()).isEqualTo(all.size());

        Map<String, byte[]> lastHashOf = new HashMap<>();
        Map<String, Long> lastSequenceOf = new HashMap<>();
        for (Entry entry : all) {
            assertThat(entry.recomputed().hash())
                    .as("leaf %s recomputed from the event store", entry.logIndex())
                    .isEqualTo(entry.leafHash());
            LeafSignature.verify(entry.leafHash(), entry.signature(), List.of(TestLogKey.verifier()));
            long expectedSequence = lastSequenceOf.getOrDefault(entry.commitmentId(), -1L) + 1;
            assertThat(entry.sequence())
                    .as("%s logged in sequence order", entry.commitmentId())
                    .isEqualTo(expectedSequence);
            assertThat(entry.previousLeafHash())
                    .as("%s #%s chained to its predecessor", entry.commitmentId(), entry.sequence())
                    .isEqualTo(lastHashOf.getOrDefault(entry.commitmentId(), LogLeaf.NO_PREVIOUS_LEAF));
            lastHashOf.put(entry.commitmentId(), entry.leafHash());
            lastSequenceOf.put(entry.commitmentId(), entry.sequence());
        }
    }

    @Test
    void concurrentAppendsOfTheSameEventsGiveEachItsOnePlace() throws Exception {
        LedgerClient client = new LedgerClient(port);
        String id = client.agreeNew("log-appends");
        for (int n = 0; n < 5; n++) {
            client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("n" + n));
        }
        List<String> eventIds = jdbc.sql("SELECT event_identifier FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(id)
                .query(String.class)
                .list();
        ExecutorService appenders = Executors.newFixedThreadPool(6);
        try {
            List<Callable<List<LoggedEvent>>> appends = new ArrayList<>();
            for (int n = 0; n < 6; n++) {
                appends.add(() -> log.append(eventIds));
            }
            List<List<Long>> indexes = new ArrayList<>();
            for (Future<List<LoggedEvent>> appended : appenders.invokeAll(appends)) {
                indexes.add(appended.get().stream().map(LoggedEvent::logIndex).toList());
            }
            assertThat(new HashSet<>(indexes)).hasSize(1);
            assertThat(entriesOf(List.of(id))).extracting(Entry::logIndex).containsExactlyElementsOf(indexes.get(0));
        } finally {
            appenders.shutdownNow();
        }
    }

    /**
     * A re-publication of a commitment's later events while the publisher is behind hands the log an event before its
     * predecessors: they are logged first, in sequence order, instead of the append failing.
     */
    @Test
    void anEventHandedOverBeforeItsUnloggedPredecessorsIsLoggedAfterThem() {
        StreamingEventProcessor publisher = processing
                .eventProcessor("kafka-publisher", StreamingEventProcessor.class)
                .orElseThrow();
        publisher.shutDown();
        try {
            LedgerClient client = new LedgerClient(port);
            String id = client.agreeNew("log-predecessors");
            client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("first"));
            client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("second"));
            String last = jdbc.sql("SELECT event_identifier FROM domain_event_entry"
                            + " WHERE aggregate_identifier = ? AND sequence_number = 2")
                    .param(id)
                    .query(String.class)
                    .single();

            List<LoggedEvent> appended = log.append(List.of(last));

            assertThat(appended).extracting(LoggedEvent::eventId).containsExactly(last);
            List<Entry> entries = entriesOf(List.of(id));
            assertThat(entries).extracting(Entry::sequence).containsExactly(0L, 1L, 2L);
            assertThat(entries.get(1).logIndex()).isEqualTo(entries.get(0).logIndex() + 1);
            assertThat(entries.get(2).logIndex()).isEqualTo(entries.get(1).logIndex() + 1);
            assertThat(entries.get(1).previousLeafHash())
                    .isEqualTo(entries.get(0).leafHash());
            assertThat(entries.get(2).previousLeafHash())
                    .isEqualTo(entries.get(1).leafHash());
        } finally {
            publisher.start();
        }
    }

    @Test
    void theTreeAnswersRootsAndProofsThatVerifyAgainstTheLeaves() throws Exception {
        LedgerClient client = new LedgerClient(port);
        String id = client.agreeNew("log-tree");
        for (int n = 0; n < 6; n++) {
            client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("n" + n));
        }
        await().atMost(LOGGED_WITHIN).until(() -> entriesOf(List.of(id)).size() == 7);

        List<Entry> all = entries("TRUE", new Object[0]);
        long size = all.size();
        assertThat(tree.size()).isGreaterThanOrEqualTo(size);
        CompactRange inMemory = new CompactRange();
        List<byte[]> roots = new ArrayList<>();
        roots.add(inMemory.root());
        for (Entry entry : all) {
            inMemory.append(entry.leafHash());
            roots.add(inMemory.root());
        }
        for (long s : List.of(1L, 2L, 3L, 7L, size / 2, size - 1, size)) {
            assertThat(tree.root(s)).as("root of %s", s).isEqualTo(roots.get((int) s));
        }
        for (long index : List.of(0L, size / 3, size - 1)) {
            MerkleTree.verifyInclusion(
                    index, size, all.get((int) index).leafHash(), tree.inclusionProof(index, size), roots.get((int)
                            size));
        }
        for (long first : List.of(1L, 3L, size / 2)) {
            MerkleTree.verifyConsistency(
                    first, size, roots.get((int) first), roots.get((int) size), tree.consistencyProof(first, size));
        }
        long beyond = tree.size() + 1;
        assertThatThrownBy(() -> tree.root(beyond)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(1, beyond)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkpointsAreSignedStoredPublishedAndEachConsistentWithTheOneBefore() throws Exception {
        LedgerClient client = new LedgerClient(port);
        try (TopicRecorder topic = new TopicRecorder(brokers, "commitment-checkpoints")) {
            String id = client.agreeNew("log-checkpoints");
            await().atMost(LOGGED_WITHIN).until(() -> !entriesOf(List.of(id)).isEmpty());
            client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("later"));
            await().atMost(LOGGED_WITHIN).until(() -> {
                long logged = entriesOf(List.of(id)).stream()
                        .mapToLong(Entry::logIndex)
                        .max()
                        .orElse(-1);
                return checkpointSizes().stream().anyMatch(size -> size > logged);
            });

            String latest = checkpoints.latest().orElseThrow();
            Checkpoint newest = Checkpoint.open(latest, keys.origin(), List.of(TestLogKey.verifier()));
            assertThat(keys.origin()).isEqualTo(TestLogKey.ORIGIN);
            assertThat(checkpoints.at(newest.size())).contains(latest);
            assertThat(newest.rootHash()).isEqualTo(tree.root(newest.size()));

            List<Long> sizes = checkpointSizes();
            assertThat(sizes).hasSizeGreaterThanOrEqualTo(2);
            for (int i = 1; i < sizes.size(); i++) {
                Checkpoint before = open(sizes.get(i - 1));
                Checkpoint after = open(sizes.get(i));
                MerkleTree.verifyConsistency(
                        before.size(),
                        after.size(),
                        before.rootHash(),
                        after.rootHash(),
                        tree.consistencyProof(before.size(), after.size()));
            }

            await().atMost(LOGGED_WITHIN)
                    .untilAsserted(() -> assertThat(topic.forKey(keys.origin()))
                            .extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                            .contains(latest));
            Set<String> stored = new HashSet<>();
            sizes.forEach(size -> stored.add(checkpoints.at(size).orElseThrow()));
            for (Received record : topic.forKey(keys.origin())) {
                assertThat(record.header("content-type")).isEqualTo("text/plain; charset=utf-8");
                assertThat(stored).contains(new String(record.value(), StandardCharsets.UTF_8));
            }
        }

        var health = client.get("/actuator/health").json().at("/components/verifiableLog");
        assertThat(health.at("/status").asString()).isEqualTo("UP");
        assertThat(health.at("/details/checkpointSize").asLong()).isPositive();
        assertThat(client.get("/actuator/metrics/ledger.log.size")
                        .json()
                        .at("/measurements/0/value")
                        .asDouble())
                .isPositive();
    }

    private Checkpoint open(long size) throws Exception {
        return Checkpoint.open(checkpoints.at(size).orElseThrow(), keys.origin(), List.of(TestLogKey.verifier()));
    }

    private List<Long> checkpointSizes() {
        return jdbc.sql("SELECT tree_size FROM log_checkpoint ORDER BY tree_size")
                .query(Long.class)
                .list();
    }

    private List<Entry> entriesOf(List<String> commitments) {
        return entries("l.commitment_id = ANY (?)", new Object[] {commitments.toArray(String[]::new)});
    }

    private List<Entry> entries(String condition, Object[] params) {
        return jdbc.sql("""
                        SELECT l.log_index, l.event_identifier, l.commitment_id, l.sequence_number, l.leaf_hash,
                               l.previous_leaf_hash, l.leaf_signature, e.payload_type, e.payload_revision,
                               e.time_stamp, e.payload
                        FROM log_entry l JOIN domain_event_entry e ON e.event_identifier = l.event_identifier
                        """ + " WHERE " + condition + " ORDER BY l.log_index")
                .params(params)
                .query((row, n) -> {
                    String payloadType = row.getString(8);
                    return new Entry(
                            row.getLong(1),
                            row.getString(2),
                            row.getString(3),
                            row.getLong(4),
                            row.getBytes(5),
                            row.getBytes(6),
                            row.getString(7),
                            LogLeaf.of(
                                    row.getLong(1),
                                    row.getString(3),
                                    row.getLong(4),
                                    row.getString(2),
                                    payloadType.substring(payloadType.lastIndexOf('.') + 1),
                                    row.getString(9),
                                    row.getString(10),
                                    row.getBytes(11),
                                    row.getBytes(6)));
                })
                .list();
    }
}
