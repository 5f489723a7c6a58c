package io.commitmentsledger.ledger.commitment.application;

import static io.commitmentsledger.ledger.support.LedgerClient.progressBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.events.TargetAmended;
import io.commitmentsledger.ledger.commitment.ReportProgressCommand;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The commitments kept in memory between commands ({@link CachingCommitmentRepository}) never answer anything a
 * replay of the store would not: events written by someone else (another instance of the service; here, straight into
 * the store) are seen by the next command, a rolled-back command leaves no trace, and a long history is loaded once
 * and then kept up to date.
 */
@LedgerIntegrationTest
class CachingCommitmentRepositoryIT {

    @LocalServerPort
    int port;

    @Autowired
    CachingCommitmentRepository repository;

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    LedgerClient client;

    @BeforeEach
    void setUp() {
        client = new LedgerClient(port);
    }

    @Test
    void theNextCommandSeesEventsAnotherInstanceWroteAndUpcastsThem() {
        String id = client.agreeNew("cached-other-writer");
        assertThat(report(id, null).header("ETag")).isEqualTo("\"1\"");
        assertThat(repository.rememberedVersion(id)).isEqualTo(1L);

        // Another instance amends the target; it was a ledger before revision 2, so it stored revision 1.
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                               time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 2, 'Commitment', ?, ?, '1', ?, ?)""")
                .params(
                        UUID.randomUUID().toString(),
                        id,
                        Instant.now().toString(),
                        TargetAmended.class.getName(),
                        """
                        {"commitmentId":"%s","previousTarget":{"quarter":"2024-Q1"},"newTarget":{"date":"2024-12-31"},\
                        "reason":"Another instance amended it","actor":"JP/METI","occurredOn":"2024-01-20"}""".formatted(id).getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8))
                .update();

        // A remembered version 1 would refuse If-Match "2"; a remembered target 2024-Q1 would be withdrawn as such.
        Response withdrawn = client.post("/api/v1/commitments/" + id + "/amendments", """
                {"reason": "The source gives no date", "amendedOn": "2024-02-01", "actingAgency": "JP/METI"}""", "If-Match", "\"2\"");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.header("ETag")).isEqualTo("\"3\"");
        JsonNode withdrawal = events(id).get(3);
        assertThat(withdrawal.get("payload").get("previousTarget").asString()).isEqualTo("2024-12-31");
        assertThat(repository.rememberedVersion(id)).isEqualTo(3L);
    }

    @Test
    void aRolledBackCommandLeavesNoTrace() {
        String id = client.agreeNew("cached-rolled-back");
        assertThat(repository.rememberedVersion(id)).isEqualTo(0L);

        // Axon's unit of work completes and applies the event to the commitment; then the transaction rolls back.
        transaction.executeWithoutResult(tx -> {
            commands.sendAndWait(new ReportProgressCommand(
                    new CommitmentId(id),
                    "never recorded",
                    null,
                    ActingAgency.parse("GB/DSIT"),
                    LocalDate.of(2024, 2, 1),
                    null));
            tx.setRollbackOnly();
        });
        assertThat(repository.rememberedVersion(id)).isNull();

        Response next = report(id, null);
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.header("ETag")).isEqualTo("\"1\"");
        JsonNode events = events(id);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).get("payload").get("note").asString()).isEqualTo("report on " + id);
        assertThat(repository.rememberedVersion(id)).isEqualTo(1L);
    }

    @Test
    void aLongHistoryLoadsOnceAndTheNextCommandsExpectTheRightVersion() {
        String id = client.agreeNew("cached-long");
        report(id, null);
        // 998 more progress reports, written straight into the store: 1,000 events, the newest at sequence 999
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                               type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        SELECT gen_random_uuid()::text, e.aggregate_identifier, s, e.type, e.time_stamp,
                               e.payload_type, e.payload_revision, e.payload, e.meta_data
                          FROM domain_event_entry e, generate_series(2, 999) s
                         WHERE e.aggregate_identifier = ? AND e.sequence_number = 1""").param(id).update();

        Response stale = report(id, "\"1\"");
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        Response atThousand = report(id, "\"999\"");
        assertThat(atThousand.status()).as(atThousand.body()).isEqualTo(200);
        assertThat(atThousand.header("ETag")).isEqualTo("\"1000\"");
        assertThat(repository.rememberedVersion(id)).isEqualTo(1000L);
        Response next = report(id, "\"1000\"");
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.header("ETag")).isEqualTo("\"1001\"");
        assertThat(client.eventCount(id)).isEqualTo(1002);
    }

    private Response report(String id, String ifMatch) {
        String path = "/api/v1/commitments/" + id + "/progress-reports";
        return ifMatch == null
                ? client.post(path, progressBody("report on " + id))
                : client.post(path, progressBody("report on " + id), "If-Match", ifMatch);
    }

    private JsonNode events(String id) {
        return client.get("/api/v1/commitments/" + id + "/events").json().get("events");
    }
}
