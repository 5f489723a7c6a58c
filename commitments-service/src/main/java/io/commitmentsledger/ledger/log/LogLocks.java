package io.commitmentsledger.ledger.log;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The log's PostgreSQL advisory locks, in the two-int key space: commands lock commitments by one bigint ({@code
 * pg_advisory_xact_lock(hashtextextended(id, 0))}), and PostgreSQL keeps the one-bigint and two-int key spaces
 * apart, so these never wait for a commitment's lock or collide with one.
 */
final class LogLocks {

    /** The first key of every lock of the log: issue 11, the verifiable log. */
    private static final int LOG = 11;

    /** Held while events are appended: one writer extends the log at a time. */
    static final int APPEND = 1;

    /** Held while a checkpoint is signed: one checkpointer at a time, across instances. */
    static final int CHECKPOINT = 2;

    private LogLocks() {}

    /** Takes the lock until the current transaction ends. */
    static void lockForTransaction(JdbcClient jdbc, int lock) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(LOG, lock).query().singleRow();
    }
}
