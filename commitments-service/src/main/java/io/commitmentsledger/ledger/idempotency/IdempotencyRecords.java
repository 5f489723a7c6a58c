package io.commitmentsledger.ledger.idempotency;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable {@code idempotency_record} table. Callers write to it in the transaction that records the events. */
@Repository
public class IdempotencyRecords {

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IdempotencyRecord> find(String key) {
        return jdbc.sql("""
                        SELECT idempotency_key, request_fingerprint, commitment_id, status, version, recorded
                          FROM idempotency_record WHERE idempotency_key = ?""")
                .param(key)
                .query((row, n) -> new IdempotencyRecord(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getInt(4),
                        row.getLong(5),
                        row.getBoolean(6)))
                .optional();
    }

    /**
     * Adds the record unless the key is taken. A concurrent insert of the same key waits for the other transaction,
     * so false means a committed record holds the key.
     */
    public boolean insertIfAbsent(IdempotencyRecord record) {
        return jdbc.sql("""
                        INSERT INTO idempotency_record
                               (idempotency_key, request_fingerprint, commitment_id, status, version, recorded)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                        .params(
                                record.key(),
                                record.fingerprint(),
                                record.commitmentId(),
                                record.status(),
                                record.version(),
                                record.recorded())
                        .update()
                == 1;
    }
}
