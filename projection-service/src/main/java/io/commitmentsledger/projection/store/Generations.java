package io.commitmentsledger.projection.store;

import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generations of the read model. Each lives in a schema of its own ({@code read_model_<n>}), migrated by Flyway
 * from {@code db/read-model}; {@code projection_generation} names the one that answers queries. A rebuild creates a
 * new generation, fills it, then {@link #activate activates} it in one transaction and drops the old one.
 *
 * <p>Any other {@code read_model_<n>} schema is a leftover: a rebuild that was interrupted (the process killed) before
 * it switched, or an old generation whose drop failed after the switch. Leftovers are removed at start-up and before
 * each rebuild, so none outlives the next one.
 *
 * <p>The active generation is read from the database once, at start-up, and kept in memory; only {@link #activate}
 * changes it, right after its transaction commits. One process owns the read model (a rebuild pauses only its own
 * consumer), so no other process moves the pointer behind its back.
 */
@Component
public class Generations {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);
    /**
     * How long dropping a generation waits for locks other connections hold on its tables (a long query, a dump)
     * before it gives up and leaves the schema as a leftover, instead of hanging the rebuild that asked.
     */
    private static final String DROP_LOCK_TIMEOUT = "5s";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ReadWriteLock switchOver = new ReentrantReadWriteLock();
    private volatile Generation active;

    /**
     * Creates the first generation on first start; brings the active one up to the latest read-model migration and
     * removes leftover generations.
     */
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
        dropLeftovers();
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
     * Makes {@code next} the generation that answers queries, atomically, and answers the one it replaces, which the
     * caller drops once it has resumed the live consumer. The caller pauses the live consumer first, so no event is
     * applied to either generation while the pointer moves.
     */
    public Generation activate(Generation next) {
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
        log.info("Read-model generation {} is active, replacing {}", next, previous);
        return previous;
    }

    /**
     * Removes a generation that is not active, such as the one a rebuild replaced or one a failed rebuild left behind.
     * Never the active one, whoever asks. A drop that fails (another connection holds a lock on its tables for longer
     * than {@value #DROP_LOCK_TIMEOUT}, say) is logged and leaves a leftover for the next start-up or rebuild.
     *
     * @return whether the generation is gone
     */
    public boolean drop(Generation generation) {
        if (generation.equals(active)) {
            log.warn("Not dropping read-model generation {}: it is the active one", generation);
            return false;
        }
        try {
            transaction.executeWithoutResult(tx -> {
                jdbc.sql("SET LOCAL lock_timeout = '" + DROP_LOCK_TIMEOUT + "'").update();
                jdbc.sql("DROP SCHEMA IF EXISTS " + generation.schema() + " CASCADE")
                        .update();
            });
            log.info("Dropped read-model generation {}", generation);
            return true;
        } catch (DataAccessException e) {
            log.warn(
                    "Could not drop read-model generation {}; it is removed at the next start-up or rebuild: {}",
                    generation,
                    e.getMostSpecificCause().getMessage());
            return false;
        }
    }

    /** Removes every generation but the active one: what interrupted rebuilds and failed drops left behind. */
    public void dropLeftovers() {
        for (Generation leftover : leftovers()) {
            log.warn(
                    "Removing leftover read-model generation {} ({}), left by an interrupted rebuild or a failed drop",
                    leftover,
                    jdbc.sql("SELECT pg_size_pretty(coalesce(sum(pg_total_relation_size(c.oid)), 0)) FROM pg_class c"
                                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?")
                            .param(leftover.schema())
                            .query(String.class)
                            .single());
            drop(leftover);
        }
    }

    /** The read-model schemas in the database other than the active one. */
    public List<Generation> leftovers() {
        return jdbc
                .sql("SELECT nspname FROM pg_namespace WHERE nspname ~ '^read_model_[0-9]+$' ORDER BY nspname")
                .query(String.class)
                .list()
                .stream()
                .map(Generation::new)
                .filter(generation -> !generation.equals(active))
                .toList();
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
