package io.commitmentsledger.ledger.log;

import static io.commitmentsledger.ledger.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.NoteSigner;
import io.commitmentsledger.contracts.log.VerificationFailure;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.TestLogKey;
import io.commitmentsledger.web.openapi.Coverage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * Someone with the database's superuser rights, who can switch the immutability triggers off, changes what was
 * recorded: the commitment's verification finds each change at the exact sequence and says what it is, and the
 * checkpoint check finds forged or altered checkpoints. Each case tampers with a commitment of its own (checkpoint
 * cases put the checkpoint back), so the cases do not depend on each other. Its own application and database, as the
 * damage would break the shared ITs; checkpoints are signed only when the test asks.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.embedded-postgres.enabled=true",
            "ledger.embedded-postgres.data-directory=target/tamper-postgres",
            "ledger.embedded-postgres.clean-start=true",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "ledger.log.checkpoint-interval=1h"
        })
@EmbeddedKafka(partitions = 3)
@ExtendWith(Coverage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogTamperIT {

    private static final List<String> CASES =
            List.of("payload", "time", "deleted", "inserted", "swapped", "truncated", "untouched", "tail");

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    LogEntries entries;

    private LedgerClient client;
    private final Map<String, String> commitments = new ConcurrentHashMap<>();
    private long treeSize;

    /** One commitment of four events per case, all logged and covered by one checkpoint. */
    @BeforeAll
    void recordAndCheckpoint() {
        client = new LedgerClient(port);
        for (String name : CASES) {
            commitments.put(name, fourEvents(name));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> entries.entriesOf(commitments.get("tail")).size() == 4);
        treeSize = checkpointer.checkpoint().orElseThrow();
    }

    @Test
    void verifiesTheUntouchedCommitment() {
        JsonNode report = verification("untouched");

        assertThat(report.get("verified").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("events").asInt()).isEqualTo(4);
        assertThat(report.get("checkpointedEvents").asInt()).isEqualTo(4);
        assertThat(report.get("treeSize").asLong()).isEqualTo(treeSize);
    }

    @Test
    void findsAChangedPayload() throws SQLException {
        tamper(
                "UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                        + " '2024-01-16', '2024-01-17'), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = 1",
                commitments.get("payload"));

        assertBrokenAt("payload", 1, "no longer hashes to the leaf hash");
    }

    @Test
    void findsAChangedTime() throws SQLException {
        tamper(
                "UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00Z'"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 2",
                commitments.get("time"));

        assertBrokenAt("time", 2, "no longer hashes to the leaf hash");
    }

    @Test
    void findsADeletedEvent() throws SQLException {
        tamper(
                "DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1",
                commitments.get("deleted"));

        assertBrokenAt("deleted", 1, "is missing from the event store: it was deleted");
    }

    @Test
    void findsAnInsertedEvent() throws SQLException {
        // Below the publisher's position, so the ledger never logs it: slipped in behind its back.
        tamper("""
                INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                                                type, time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT -1, 'forged-' || event_identifier, aggregate_identifier, 4, type, '2024-02-02T00:00:00Z',
                       payload_type, payload_revision, payload, meta_data
                  FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3""", commitments.get("inserted"));

        assertBrokenAt("inserted", 4, "is not in the log, though the log has moved past it");
    }

    @Test
    void findsTwoSwappedEvents() throws SQLException {
        String id = commitments.get("swapped");
        tamper(
                "UPDATE domain_event_entry SET sequence_number = -1 WHERE aggregate_identifier = ? AND sequence_number = 1",
                id);
        tamper(
                "UPDATE domain_event_entry SET sequence_number = 1 WHERE aggregate_identifier = ? AND sequence_number = 2",
                id);
        tamper(
                "UPDATE domain_event_entry SET sequence_number = 2 WHERE aggregate_identifier = ? AND sequence_number = -1",
                id);

        assertBrokenAt("swapped", 1, "is stored as sequence 1 but logged as sequence 2");
    }

    @Test
    void findsATruncatedHistory() throws SQLException {
        String id = commitments.get("truncated");
        tamper("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number >= 2", id);
        tamper("DELETE FROM log_entry WHERE commitment_id = ? AND sequence_number >= 2", id);

        assertBrokenAt("truncated", 2, "log entries were deleted");
    }

    @Test
    void findsAReplacedCheckpointNote() throws SQLException {
        String note = client.get("/api/v1/log/checkpoint").body();
        String[] lines = note.split("\n", 4);
        String forged = note.replace(lines[2], Base64.getEncoder().encodeToString(new byte[32]));
        try {
            tamper("UPDATE log_checkpoint SET note = ? WHERE tree_size = " + treeSize, forged);

            JsonNode report = verification("untouched");
            assertThat(report.get("verified").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("firstBrokenSequence").isNull()).isTrue();
            assertThat(report.get("reason").asString()).contains("does not verify with the ledger's verifier keys");
        } finally {
            tamper("UPDATE log_checkpoint SET note = ? WHERE tree_size = " + treeSize, note);
        }
        assertThat(verification("untouched").get("verified").asBoolean()).isTrue();
    }

    @Test
    void findsACheckpointSignedWithAnotherKey() throws SQLException {
        NoteSigner impostor = NoteSigner.parse(NoteSigner.generate(TestLogKey.ORIGIN));
        long size = treeSize + 1000;
        String note = impostor.sign(new Checkpoint(TestLogKey.ORIGIN, size, new byte[32]).text());
        try {
            tamper(
                    "INSERT INTO log_checkpoint (tree_size, root_hash, note) VALUES (" + size + ", '\\x"
                            + "00".repeat(32) + "', ?)",
                    note);

            JsonNode report = verification("untouched");
            assertThat(report.get("verified").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("treeSize").asLong()).isEqualTo(size);
            assertThat(report.get("reason").asString()).contains("no trusted key signed the note");
            String served = client.get("/api/v1/log/checkpoint").body();
            assertThatThrownBy(() -> Checkpoint.open(served, TestLogKey.ORIGIN, List.of(TestLogKey.verifier())))
                    .isInstanceOf(VerificationFailure.class);
        } finally {
            tamper("DELETE FROM log_checkpoint WHERE tree_size = " + size + " AND note = ?", note);
        }
    }

    @Test
    void answersAProofFromATreeMissingARowWithAProblemNotA500() throws SQLException {
        String eventId = client.get("/api/v1/commitments/" + commitments.get("untouched") + "/events")
                .json()
                .at("/events/0/eventId")
                .asString();
        long logIndex = client.get("/api/v1/log/inclusion?eventId=" + eventId)
                .json()
                .get("logIndex")
                .asLong();
        // The leaf's sibling: its inclusion proof starts with that hash.
        long sibling = logIndex ^ 1;
        assertThat(sibling).isLessThan(treeSize);
        String siblingHash = JdbcClient.create(dataSource)
                .sql("SELECT encode(hash, 'base64') FROM log_subtree WHERE level = 0 AND position = ?")
                .param(sibling)
                .query(String.class)
                .single();
        try {
            tamper("DELETE FROM log_subtree WHERE level = 0 AND position = ?::bigint", Long.toString(sibling));

            assertProblem(client.get("/api/v1/events/" + eventId + "/tlog-proof"), 409, "log-damaged");
            assertProblem(client.get("/api/v1/log/inclusion?eventId=" + eventId), 409, "log-damaged");
        } finally {
            tamper(
                    "INSERT INTO log_subtree (level, position, hash) VALUES (0, " + sibling + ", decode(?, 'base64'))",
                    siblingHash);
        }
        assertThat(client.get("/api/v1/events/" + eventId + "/tlog-proof").status())
                .isEqualTo(200);
    }

    @Test
    void answersWhenToAskAgainForAnEventNoCheckpointCoversYet() {
        String id = fourEvents("pending");
        commitments.put("pending", id);
        await().atMost(Duration.ofSeconds(30)).until(() -> entries.entriesOf(id).size() == 4);
        String eventId = client.get("/api/v1/commitments/" + id + "/events")
                .json()
                .at("/events/0/eventId")
                .asString();

        Response proof = client.get("/api/v1/events/" + eventId + "/tlog-proof");
        Response inclusion = client.get("/api/v1/log/inclusion?eventId=" + eventId);

        assertProblem(proof, 409, "not-yet-checkpointed");
        assertThat(proof.header("Retry-After")).isEqualTo("3601");
        assertProblem(inclusion, 409, "not-yet-checkpointed");
        JsonNode report = verification("pending");
        assertThat(report.get("verified").asBoolean()).isTrue();
        assertThat(report.get("checkpointedEvents").asInt()).isZero();
    }

    private void assertBrokenAt(String name, long sequence, String reason) {
        JsonNode report = verification(name);
        assertThat(report.get("verified").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.get("firstBrokenSequence").asLong())
                .as(report.toString())
                .isEqualTo(sequence);
        assertThat(report.get("reason").asString()).contains(reason);
    }

    private JsonNode verification(String name) {
        Response response = client.get("/api/v1/commitments/" + commitments.get(name) + "/verification");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Runs a statement as the superuser with the triggers that keep the log immutable switched off. */
    private void tamper(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (var replica = connection.createStatement()) {
                replica.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, parameter);
                statement.executeUpdate();
            } finally {
                try (var origin = connection.createStatement()) {
                    origin.execute("RESET session_replication_role");
                }
            }
        }
    }

    private String fourEvents(String prefix) {
        String id = client.agreeNew(prefix);
        client.post("/api/v1/commitments/" + id + "/confirmations", LedgerClient.confirmBody("JP/METI"));
        client.post("/api/v1/commitments/" + id + "/confirmations", LedgerClient.confirmBody("GB/DSIT"));
        client.post("/api/v1/commitments/" + id + "/progress-reports", LedgerClient.progressBody("Kick-off held"));
        return id;
    }
}
