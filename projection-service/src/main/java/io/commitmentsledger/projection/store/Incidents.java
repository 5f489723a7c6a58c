package io.commitmentsledger.projection.store;

import io.commitmentsledger.projection.summary.IncomingEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The incidents of each generation ({@code projection_incident}): events the ledger recorded that the projection could
 * not apply. One is opened by {@link ReadModelWriter} when the fold refuses an event, by the live consumer and a
 * rebuild alike, and by the live consumer's error handler when a readable event fails to apply for another reason. It
 * is resolved, and deleted, when an event at its sequence is applied to the same generation; a rebuild starts a
 * generation with only the incidents it meets itself.
 */
@Repository
public class Incidents {

    private static final Logger log = LoggerFactory.getLogger(Incidents.class);

    private final JdbcClient jdbc;
    private final Generations generations;

    Incidents(JdbcClient jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /** Records that {@code event} could not be applied to {@code generation}; logged at ERROR the first time. */
    public void open(Generation generation, IncomingEvent event, String reason) {
        int opened = jdbc.sql("INSERT INTO " + generation.table("projection_incident") + """
                         (commitment_id, sequence, global_position, event_id, kind, recorded_at, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(
                        event.commitmentId(),
                        event.sequence(),
                        event.globalPosition(),
                        event.eventId(),
                        event.kind(),
                        Timestamp.from(event.recordedAt()),
                        reason)
                .update();
        if (opened > 0) {
            log.error(
                    "Incident in {}: commitment {} sequence {} ({} {}, global position {}) recorded by the ledger"
                            + " cannot be applied, so the commitment is stale until it is: {}",
                    generation,
                    event.commitmentId(),
                    event.sequence(),
                    event.kind(),
                    event.eventId(),
                    event.globalPosition(),
                    reason);
        }
    }

    /** Resolves the commitment's incidents up to {@code version}, which it has now reached. */
    void resolve(Generation generation, String commitmentId, long version) {
        int resolved = jdbc.sql("DELETE FROM " + generation.table("projection_incident")
                        + " WHERE commitment_id = ? AND sequence <= ?")
                .params(commitmentId, version)
                .update();
        if (resolved > 0) {
            log.info("Incident resolved in {}: commitment {} reached version {}", generation, commitmentId, version);
        }
    }

    /** The open incidents of {@code generation}, oldest commitment event first. */
    public List<Incident> in(Generation generation) {
        return jdbc.sql("SELECT commitment_id, sequence, global_position, event_id, kind, reason, raised_at FROM "
                        + generation.table("projection_incident") + " ORDER BY global_position")
                .query((row, n) -> new Incident(
                        row.getString(1),
                        row.getLong(2),
                        row.getLong(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getTimestamp(7).toInstant()))
                .list();
    }

    /** The open incidents of the active generation. */
    public List<Incident> current() {
        return generations.withActive(this::in);
    }

    public int count() {
        return current().size();
    }

    /**
     * Which of {@code commitmentIds} are stale: an incident holds them back, raised by an event recorded at or before
     * {@code asOf} (any, when null).
     */
    public Set<String> stale(List<String> commitmentIds, @Nullable Instant asOf) {
        return new HashSet<>(generations.withActive(generation -> jdbc.sql("SELECT DISTINCT commitment_id FROM "
                        + generation.table("projection_incident")
                        + " WHERE commitment_id = ANY (?) AND recorded_at <= ?")
                .params(
                        commitmentIds.toArray(String[]::new),
                        Timestamp.from(asOf == null ? Instant.parse("9999-12-31T23:59:59Z") : asOf))
                .query(String.class)
                .list()));
    }
}
