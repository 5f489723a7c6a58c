package io.commitmentsledger.ledger.commitment.web;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.ledger.commitment.CommandOutcome;
import io.commitmentsledger.ledger.eventstore.EventStoreProperties;
import io.commitmentsledger.ledger.idempotency.IdempotencyKeyReused;
import io.commitmentsledger.ledger.idempotency.IdempotencyRecord;
import io.commitmentsledger.ledger.idempotency.IdempotencyRecords;
import io.commitmentsledger.ledger.idempotency.IdempotentRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a command to its commitment in one short database transaction that also holds the idempotency record.
 *
 * <p>The transaction first takes a PostgreSQL advisory lock on the commitment id, so commands on one commitment run
 * one after another across every instance of the service: they never race for the same sequence number, and the
 * unique (commitment, sequence) key stays a last line of defence rather than the usual path. Commands on different
 * commitments do not wait for each other.
 */
@Component
class CommandSubmission {

    /** What the API answers for an accepted command, rebuilt identically when a retry is replayed. */
    record Accepted(CommitmentId commitmentId, HttpStatus status, long version, boolean recorded, boolean replayed) {}

    /** Thrown to roll back when a concurrent request with the same idempotency key committed first. */
    private static final class IdempotencyKeyTaken extends RuntimeException {
        IdempotencyKeyTaken() {
            super(null, null, false, false);
        }
    }

    private final CommandGateway commandGateway;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final IdempotencyRecords idempotencyRecords;
    private final String statementTimeoutMillis;

    CommandSubmission(
            CommandGateway commandGateway,
            TransactionTemplate transaction,
            JdbcClient jdbc,
            IdempotencyRecords idempotencyRecords,
            EventStoreProperties eventStore) {
        this.commandGateway = commandGateway;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.idempotencyRecords = idempotencyRecords;
        this.statementTimeoutMillis =
                String.valueOf(eventStore.commandStatementTimeout().toMillis());
    }

    Accepted submit(CommitmentId commitmentId, Object command, HttpStatus status, IdempotentRequest idempotent) {
        try {
            return transaction.execute(tx -> submitInTransaction(commitmentId, command, status, idempotent));
        } catch (IdempotencyKeyTaken e) {
            return replay(idempotencyRecords.find(idempotent.key()).orElseThrow(), idempotent);
        }
    }

    private Accepted submitInTransaction(
            CommitmentId commitmentId, Object command, HttpStatus status, IdempotentRequest idempotent) {
        // Bounds every statement of this transaction, so it commits long before readers stop waiting for its
        // global index (see EventStoreProperties).
        jdbc.sql("SELECT set_config('statement_timeout', ?, true)")
                .param(statementTimeoutMillis)
                .query()
                .singleValue();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(commitmentId.value())
                .query()
                .singleValue();
        if (idempotent != null) {
            var earlier = idempotencyRecords.find(idempotent.key());
            if (earlier.isPresent()) {
                return replay(earlier.get(), idempotent);
            }
        }
        // Axon's unit of work joins this transaction: its events commit or roll back with everything here.
        Object result = commandGateway.sendAndWait(command);
        CommandOutcome outcome = result instanceof CommandOutcome handled ? handled : CommandOutcome.AGREED;
        Accepted accepted = new Accepted(commitmentId, status, outcome.version(), outcome.recorded(), false);
        if (idempotent != null
                && !idempotencyRecords.insertIfAbsent(new IdempotencyRecord(
                        idempotent.key(),
                        idempotent.fingerprint(),
                        commitmentId.value(),
                        status.value(),
                        outcome.version(),
                        outcome.recorded()))) {
            throw new IdempotencyKeyTaken();
        }
        return accepted;
    }

    private static Accepted replay(IdempotencyRecord earlier, IdempotentRequest idempotent) {
        if (!earlier.fingerprint().equals(idempotent.fingerprint())) {
            throw new IdempotencyKeyReused(idempotent.key());
        }
        return new Accepted(
                new CommitmentId(earlier.commitmentId()),
                HttpStatus.valueOf(earlier.status()),
                earlier.version(),
                earlier.recorded(),
                true);
    }
}
