package io.commitmentsledger.projection.store;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generations of the read model. Each lives in a schema of its own ({@code read_model_<n>}), migrated by Flyway
 * from {@code db/read-model}; {@code projection_generation} names the one that answers queries. A rebuild creates a
 * new generation, fills it, then {@link #activate activates} it in one transaction and drops the old one.
 *
 * <p>The active generation is read from the database once, at start-up, and kept in memory; only {@link #activate}
 * changes it, right after its transaction commits. One process owns the read model (a rebuild pauses only its own
 * consumer), so no other process moves the pointer behind its back.
 */
@Component
public class Generations {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ReadWriteLock switchOver = new ReentrantReadWriteLock();
    private volatile Generation active;

    /** Creates the first generation on first start; brings the active one up to the latest read-model migration. */
    Generations(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.active = jdbc.sql("SELECT active_schema FROM projection_generation")
                .query(String.class)
                .optional()
                .map(Generation::new)
                .map(this::migrate)
                .orElseGet(this::first);
    }

    private Generation first() {
        Generation first = create();
        jdbc.sql("INSERT INTO projection_generation (active_schema) VALUES (?)")
                .param(first.schema())
                .update();
        return first;
    }

    /** The generation that answers queries now. */
    public Generation active() {
        return active;
    }

    /**
     * Runs {@code query} against the active generation. A switch-over waits for the queries still running against the
     * generation it replaces before dropping it, so a query sees the old generation or the new one, never a dropped
     * one.
     */
    public <T> T withActive(Function<Generation, T> query) {
        Lock lock = switchOver.readLock();
        lock.lock();
        try {
            return query.apply(active);
        } finally {
            lock.unlock();
        }
    }

    /** A new, empty generation. */
    public Generation create() {
        Generation generation = migrate(new Generation("read_model_" + System.currentTimeMillis()));
        log.info("Created read-model generation {}", generation);
        return generation;
    }

    /**
     * Makes {@code next} the generation that answers queries, atomically, and drops the one it replaces. The caller
     * pauses the live consumer first, so no event is applied to either generation while the pointer moves.
     */
    public void activate(Generation next) {
        Generation previous = transaction.execute(tx -> {
            Generation old = new Generation(jdbc.sql("SELECT active_schema FROM projection_generation FOR UPDATE")
                    .query(String.class)
                    .single());
            jdbc.sql("UPDATE projection_generation SET active_schema = ?, activated_at = now()")
                    .param(next.schema())
                    .update();
            return old;
        });
        // Committed: memory follows the database only now, so a failed commit leaves both on the old generation.
        // Taking the write lock waits for queries that read the old generation; new ones then read the next.
        Lock lock = switchOver.writeLock();
        lock.lock();
        try {
            active = next;
        } finally {
            lock.unlock();
        }
        log.info("Read-model generation {} is active; dropping {}", next, previous);
        drop(previous);
    }

    /** Removes a generation that is not active, such as one a failed rebuild left behind. */
    public void drop(Generation generation) {
        if (generation.equals(active)) {
            log.warn("Not dropping read-model generation {}: it is the active one", generation);
            return;
        }
        jdbc.sql("DROP SCHEMA IF EXISTS " + generation.schema() + " CASCADE").update();
    }

    private Generation migrate(Generation generation) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(generation.schema())
                .createSchemas(true)
                .locations("classpath:db/read-model")
                .load()
                .migrate();
        return generation;
    }
}
