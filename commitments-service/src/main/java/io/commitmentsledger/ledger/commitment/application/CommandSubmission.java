package io.commitmentsledger.ledger.commitment.application;

import io.commitmentsledger.ledger.commitment.CommandOutcome;
import io.commitmentsledger.ledger.commitment.CommitmentCommand;
import io.commitmentsledger.ledger.eventstore.EventStoreProperties;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a command to its commitment in one short database transaction that also holds the idempotency record.
 *
 * <p>The transaction first takes a PostgreSQL advisory lock on the commitment id, so commands on one commitment run
 * one after another across every instance of the service: they never race for the same sequence number, and the
 * unique (commitment, sequence) key stays a last line of defence rather than the usual path. Commands on different
 * commitments do not wait for each other.
 */
@Service
public class CommandSubmission {

    /** An accepted command's outcome, and whether it is the replayed answer to an earlier request with the same key. */
    public record Accepted(CommandOutcome outcome, boolean replayed) {}

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

    /** Runs the command; a retry of it would run it again. */
    public Accepted submit(CommitmentCommand command) {
        return run(command, Optional.empty());
    }

    /** Runs the command once per key: a retry with the same key and request is answered with the first outcome. */
    public Accepted submit(CommitmentCommand command, IdempotentRequest idempotent) {
        try {
            return run(command, Optional.of(idempotent));
        } catch (IdempotencyKeyTaken e) {
            return replay(idempotencyRecords.find(idempotent.key()).orElseThrow(), idempotent);
        }
    }

    private Accepted run(CommitmentCommand command, Optional<IdempotentRequest> idempotent) {
        Accepted accepted = transaction.execute(tx -> runInTransaction(command, idempotent));
        if (accepted == null) {
            throw new IllegalStateException("the command's transaction answered nothing");
        }
        return accepted;
    }

    private Accepted runInTransaction(CommitmentCommand command, Optional<IdempotentRequest> idempotent) {
        // Bounds every statement of this transaction, so it commits long before readers stop waiting for its
        // global index (see EventStoreProperties).
        jdbc.sql("SELECT set_config('statement_timeout', ?, true)")
                .param(statementTimeoutMillis)
                .query()
                .singleValue();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(command.commitmentId().value())
                .query()
                .singleValue();
        if (idempotent.isPresent()) {
            var earlier = idempotencyRecords.find(idempotent.get().key());
            if (earlier.isPresent()) {
                return replay(earlier.get(), idempotent.get());
            }
        }
        // Axon's unit of work joins this transaction: its events commit or roll back with everything here.
        CommandOutcome outcome = commandGateway.sendAndWait(command);
        if (idempotent.isPresent()
                && !idempotencyRecords.insertIfAbsent(new IdempotencyRecord(
                        idempotent.get().key(), idempotent.get().fingerprint(), outcome))) {
            throw new IdempotencyKeyTaken();
        }
        return new Accepted(outcome, false);
    }

    private static Accepted replay(IdempotencyRecord earlier, IdempotentRequest idempotent) {
        if (!earlier.fingerprint().equals(idempotent.fingerprint())) {
            throw new IdempotencyKeyReused(idempotent.key());
        }
        return new Accepted(earlier.outcome(), true);
    }
}
