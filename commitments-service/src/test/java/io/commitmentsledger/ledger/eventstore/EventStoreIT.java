package io.commitmentsledger.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The event store is Axon's JDBC engine on PostgreSQL, with the schema Flyway made and events that never change. */
@LedgerIntegrationTest
class EventStoreIT {

    @LocalServerPort
    int port;

    @Autowired
    EventBus eventBus;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    LedgerClient client;

    @BeforeEach
    void connect() {
        client = new LedgerClient(port);
    }

    @Test
    void storesEventsWithAxonsJdbcEngineNotAPlainEventBus() {
        assertThat(eventBus).isInstanceOf(EventStore.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
    }

    @Test
    void tablesComeFromFlywayMigrations() throws Exception {
        int migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length;
        List<Boolean> applied = jdbc.sql("SELECT success FROM flyway_schema_history WHERE version IS NOT NULL")
                .query(Boolean.class)
                .list();
        assertThat(migrations).isGreaterThanOrEqualTo(3);
        assertThat(applied).hasSize(migrations).containsOnly(true);
    }

    @Test
    void storesPayloadsAsJsonWithIsoDatesAndTheirRevision() {
        String id = client.agreeNew("stored");

        var row = jdbc.sql(
                        "SELECT payload, payload_revision, payload_type FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(id)
                .query((rs, n) ->
                        List.of(new String(rs.getBytes(1), StandardCharsets.UTF_8), rs.getString(2), rs.getString(3)))
                .single();

        assertThat(row.get(0)).contains("\"occurredOn\":\"2024-01-16\"").contains("\"actor\":\"JP/METI\"");
        assertThat(row.get(1)).as("CommitmentAgreed's current revision").isEqualTo("2");
        assertThat(row.get(2)).isEqualTo("io.commitmentsledger.contracts.events.CommitmentAgreed");
    }

    @Test
    void refusesToChangeOrRemoveARecordedEvent() {
        String id = client.agreeNew("immutable");

        assertThatThrownBy(() -> jdbc.sql(
                                "UPDATE domain_event_entry SET payload_revision = '2' WHERE aggregate_identifier = ?")
                        .param(id)
                        .update())
                .rootCause()
                .hasMessageContaining("recorded events are immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?")
                        .param(id)
                        .update())
                .rootCause()
                .hasMessageContaining("recorded events are immutable");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE domain_event_entry").update())
                .rootCause()
                .hasMessageContaining("recorded events are immutable");
        assertThat(client.eventCount(id)).isEqualTo(1);
    }

    @Test
    void reportsASecondWriterOfTheSameSequenceAsAConcurrencyConflict() {
        String id = client.agreeNew("same-sequence");

        assertThatThrownBy(() -> append(id, 0)).isInstanceOf(AggregateStreamCreationException.class);
        assertThatCode(() -> append(id, 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> append(id, 1)).isInstanceOf(ConcurrencyException.class);
        assertThat(client.eventCount(id)).isEqualTo(2);
    }

    /** Appends a confirmation at the given sequence number, bypassing the aggregate, as a rogue second writer would. */
    private void append(String id, long sequence) {
        CommitmentConfirmed event =
                new CommitmentConfirmed(new CommitmentId(id), ActingAgency.parse("GB/DSIT"), LocalDate.of(2024, 1, 16));
        transaction.executeWithoutResult(
                tx -> storageEngine.appendEvents(new GenericDomainEventMessage<>("Commitment", id, sequence, event)));
    }
}
