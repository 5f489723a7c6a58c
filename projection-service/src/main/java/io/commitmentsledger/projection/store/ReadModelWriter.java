package io.commitmentsledger.projection.store;

import io.commitmentsledger.projection.summary.CommitmentSummary;
import io.commitmentsledger.projection.summary.IncomingEvent;
import io.commitmentsledger.projection.summary.PartyState;
import io.commitmentsledger.projection.summary.SummaryFold;
import io.commitmentsledger.projection.summary.TimelineSummaries;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Applies events to one generation of the read model. Applying is idempotent per commitment and sequence number: a
 * redelivered event changes nothing, and an event after a missing one is parked, never applied out of order, until
 * the missing one arrives. Callers run {@link #apply} and {@link #applyAll} inside a transaction.
 *
 * <p>An event the projection cannot apply (the fold refuses it, or cannot summarise it) opens an {@link Incidents
 * incident} instead, and the commitment's later events are parked behind it. The live consumer and a rebuild both
 * apply through here, so they treat such an event alike. Applying an event at an incident's sequence resolves it.
 */
@Repository
public class ReadModelWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ReadModelJson json;
    private final Incidents incidents;

    ReadModelWriter(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ReadModelJson json, Incidents incidents) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
        this.incidents = incidents;
    }

    public ApplyOutcome apply(Generation generation, IncomingEvent incoming) {
        Optional<CommitmentSummary> current = summaryForUpdate(generation, incoming.commitmentId());
        long version = current.map(CommitmentSummary::version).orElse(-1L);
        if (incoming.sequence() <= version) {
            return ApplyOutcome.DUPLICATE;
        }
        if (incoming.sequence() > version + 1) {
            park(generation, incoming);
            return ApplyOutcome.PARKED;
        }
        Optional<CommitmentSummary> applied = applyInOrder(generation, current.orElse(null), incoming);
        if (applied.isEmpty()) {
            return ApplyOutcome.REFUSED;
        }
        CommitmentSummary summary = applied.get();
        Optional<IncomingEvent> next = parked(generation, incoming.commitmentId(), summary.version() + 1);
        while (next.isPresent()) {
            jdbc.sql("DELETE FROM " + generation.table("parked_event") + " WHERE commitment_id = ? AND sequence = ?")
                    .params(next.get().commitmentId(), next.get().sequence())
                    .update();
            Optional<CommitmentSummary> after = applyInOrder(generation, summary, next.get());
            if (after.isEmpty()) {
                break; // an incident now holds the rest back
            }
            summary = after.get();
            next = parked(generation, incoming.commitmentId(), summary.version() + 1);
        }
        incidents.resolve(generation, incoming.commitmentId(), summary.version());
        return ApplyOutcome.APPLIED;
    }

    /**
     * Applies the event that follows {@code current}; empty, with an incident opened, if the projection cannot. Nothing
     * is written before the fold and the timeline line have been computed, so a refused event leaves no trace but the
     * incident.
     */
    private Optional<CommitmentSummary> applyInOrder(
            Generation generation, @Nullable CommitmentSummary current, IncomingEvent incoming) {
        CommitmentSummary summary;
        Object[] summaryRow;
        Object[] timelineRow;
        try {
            summary = SummaryFold.apply(current, incoming.applied());
            summaryRow = summaryRow(summary);
            timelineRow = timelineRow(incoming);
        } catch (RuntimeException refused) {
            incidents.open(generation, incoming, reason(refused));
            return Optional.empty();
        }
        jdbc.sql(upsertSummary(generation)).params(summaryRow).update();
        jdbc.sql(insertTimelineEntry(generation)).params(timelineRow).update();
        return Optional.of(summary);
    }

    private static String reason(RuntimeException refused) {
        return refused.getMessage() == null ? refused.toString() : refused.getMessage();
    }

    /**
     * Applies many events at once, as a rebuild reads them: each commitment's summary is read once, folded in memory
     * and written once, and the timeline entries go in one batch, so a rebuild costs a few statements per batch
     * instead of three per event. Commitments with events parked behind a hole or an open incident, and those with an
     * event the projection cannot apply, take the one-by-one path of {@link #apply}.
     */
    public void applyAll(Generation generation, List<IncomingEvent> events) {
        Map<String, List<IncomingEvent>> byCommitment = new LinkedHashMap<>();
        events.forEach(e -> byCommitment
                .computeIfAbsent(e.commitmentId(), id -> new ArrayList<>())
                .add(e));
        String[] ids = byCommitment.keySet().toArray(String[]::new);
        Map<String, CommitmentSummary> summaries = new HashMap<>();
        jdbc.sql("SELECT summary FROM " + generation.table("commitment_summary")
                        + " WHERE commitment_id = ANY (?) FOR UPDATE")
                .param(ids)
                .query(json.summaryColumn())
                .list()
                .forEach(summary -> summaries.put(summary.commitmentId(), summary));
        Set<String> heldBack = new HashSet<>(jdbc.sql("SELECT commitment_id FROM " + generation.table("parked_event")
                        + " WHERE commitment_id = ANY (?) UNION SELECT commitment_id FROM "
                        + generation.table("projection_incident") + " WHERE commitment_id = ANY (?)")
                .params(ids, ids)
                .query(String.class)
                .list());
        List<Object[]> summaryRows = new ArrayList<>();
        List<Object[]> timelineRows = new ArrayList<>();
        byCommitment.forEach((id, incoming) -> {
            CommitmentSummary summary = summaries.get(id);
            long version = summary == null ? -1 : summary.version();
            if (heldBack.contains(id) || leavesAHole(version, incoming)) {
                incoming.forEach(event -> apply(generation, event)); // parks, drains and resolves as live does
                return;
            }
            List<Object[]> rows = new ArrayList<>();
            Object[] summaryRow = null;
            try {
                for (IncomingEvent event : incoming) {
                    if (event.sequence() == version + 1) {
                        summary = SummaryFold.apply(summary, event.applied());
                        version = summary.version();
                        rows.add(timelineRow(event));
                    }
                }
                if (summary != null && summary != summaries.get(id)) {
                    summaryRow = summaryRow(summary);
                }
            } catch (RuntimeException refused) {
                // nothing of this commitment is written yet: apply one by one, which opens the incident as live does
                incoming.forEach(event -> apply(generation, event));
                return;
            }
            timelineRows.addAll(rows);
            if (summaryRow != null) {
                summaryRows.add(summaryRow);
            }
        });
        jdbcTemplate.batchUpdate(upsertSummary(generation), summaryRows);
        jdbcTemplate.batchUpdate(insertTimelineEntry(generation), timelineRows);
    }

    /** Whether some event would have to wait for an earlier one, which this batch does not bring first. */
    private static boolean leavesAHole(long version, List<IncomingEvent> incoming) {
        long next = version + 1;
        for (IncomingEvent event : incoming) {
            if (event.sequence() > next) {
                return true;
            }
            next = Math.max(next, event.sequence() + 1);
        }
        return false;
    }

    private static String upsertSummary(Generation generation) {
        return "INSERT INTO " + generation.table("commitment_summary") + """
                 (commitment_id, partnership_id, area, status, deadline, countries,
                       search_text, version, last_recorded_at, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (commitment_id) DO UPDATE SET
                       partnership_id = excluded.partnership_id, area = excluded.area,
                       status = excluded.status, deadline = excluded.deadline,
                       countries = excluded.countries, search_text = excluded.search_text,
                       version = excluded.version, last_recorded_at = excluded.last_recorded_at,
                       summary = excluded.summary""";
    }

    private Object[] summaryRow(CommitmentSummary summary) {
        return new Object[] {
            summary.commitmentId(),
            summary.partnershipId(),
            summary.area(),
            summary.status().name(),
            summary.target().deadline(),
            summary.parties().stream().map(PartyState::country).toArray(String[]::new),
            searchText(summary),
            summary.version(),
            Timestamp.from(summary.lastRecordedAt()),
            json.text(summary)
        };
    }

    private static String insertTimelineEntry(Generation generation) {
        return "INSERT INTO " + generation.table("timeline_entry") + """
                 (commitment_id, sequence, global_position, event_id, kind, revision,
                       occurred_on, recorded_at, actor, summary, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";
    }

    private static Object[] timelineRow(IncomingEvent incoming) {
        return new Object[] {
            incoming.commitmentId(),
            incoming.sequence(),
            incoming.globalPosition(),
            incoming.eventId(),
            incoming.kind(),
            incoming.revision(),
            incoming.event().occurredOn(),
            Timestamp.from(incoming.recordedAt()),
            incoming.event().actor().toString(),
            TimelineSummaries.summarize(incoming.event()),
            incoming.payload()
        };
    }

    private void park(Generation generation, IncomingEvent incoming) {
        jdbc.sql("INSERT INTO " + generation.table("parked_event") + """
                         (commitment_id, sequence, global_position, event_id, kind, revision,
                               recorded_at, payload)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT DO NOTHING""")
                .params(
                        incoming.commitmentId(),
                        incoming.sequence(),
                        incoming.globalPosition(),
                        incoming.eventId(),
                        incoming.kind(),
                        incoming.revision(),
                        Timestamp.from(incoming.recordedAt()),
                        incoming.payload())
                .update();
    }

    private Optional<IncomingEvent> parked(Generation generation, String commitmentId, long sequence) {
        return jdbc.sql("SELECT global_position, event_id, kind, revision, recorded_at, payload FROM "
                        + generation.table("parked_event") + " WHERE commitment_id = ? AND sequence = ?")
                .params(commitmentId, sequence)
                .query((row, n) -> json.event(
                        commitmentId,
                        sequence,
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getTimestamp(5).toInstant(),
                        row.getString(6)))
                .optional();
    }

    private Optional<CommitmentSummary> summaryForUpdate(Generation generation, String commitmentId) {
        return jdbc.sql("SELECT summary FROM " + generation.table("commitment_summary")
                        + " WHERE commitment_id = ? FOR UPDATE")
                .param(commitmentId)
                .query(json.summaryColumn())
                .optional();
    }

    private static String searchText(CommitmentSummary summary) {
        return (summary.title() + " " + (summary.description() == null ? "" : summary.description()))
                .toLowerCase(Locale.ROOT);
    }
}
