package io.commitmentsledger.ledger.commitment.application;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.ledger.commitment.CommandOutcome;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable {@code idempotency_record} table, written in the transaction that records the command's events. */
@Repository
class IdempotencyRecords {

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IdempotencyRecord> find(String key) {
        return jdbc.sql("""
                        SELECT idempotency_key, request_fingerprint, commitment_id, version, recorded
                          FROM idempotency_record WHERE idempotency_key = ?""")
                .param(key)
                .query((row, n) -> new IdempotencyRecord(
                        row.getString(1),
                        row.getString(2),
                        new CommandOutcome(new CommitmentId(row.getString(3)), row.getLong(4), row.getBoolean(5))))
                .optional();
    }

    /**
     * Adds the record unless the key is taken. A concurrent insert of the same key waits for the other transaction,
     * so false means a committed record holds the key.
     */
    boolean insertIfAbsent(IdempotencyRecord record) {
        return jdbc.sql("""
                        INSERT INTO idempotency_record
                               (idempotency_key, request_fingerprint, commitment_id, version, recorded)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                        .params(
                                record.key(),
                                record.fingerprint(),
                                record.outcome().commitmentId().value(),
                                record.outcome().version(),
                                record.outcome().recorded())
                        .update()
                == 1;
    }
}
