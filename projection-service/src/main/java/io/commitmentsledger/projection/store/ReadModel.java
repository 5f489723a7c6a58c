package io.commitmentsledger.projection.store;

import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.projection.summary.AppliedEvent;
import io.commitmentsledger.projection.summary.CommitmentSummary;
import io.commitmentsledger.projection.summary.IncomingEvent;
import io.commitmentsledger.projection.summary.PartyState;
import io.commitmentsledger.projection.summary.SummaryFold;
import io.commitmentsledger.projection.summary.TimelineSummaries;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads and writes one generation of the read model, named by its schema. Applying is idempotent per commitment and
 * sequence number: a redelivered event changes nothing, and an event after a missing one is parked, never applied
 * out of order, until the missing one arrives. Callers run {@link #apply} inside a transaction.
 */
@Repository
public class ReadModel {

    private static final Pattern SCHEMA = Pattern.compile("read_model_[0-9]+");

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ObjectMapper json;

    ReadModel(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ObjectMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
    }

    public ApplyOutcome apply(String schema, IncomingEvent incoming) {
        String s = checked(schema);
        Optional<CommitmentSummary> current = summaryForUpdate(s, incoming.commitmentId());
        long version = current.map(CommitmentSummary::version).orElse(-1L);
        if (incoming.sequence() <= version) {
            return ApplyOutcome.DUPLICATE;
        }
        if (incoming.sequence() > version + 1) {
            park(s, incoming);
            return ApplyOutcome.PARKED;
        }
        CommitmentSummary summary = applyInOrder(s, current.orElse(null), incoming);
        for (IncomingEvent next = parked(s, incoming.commitmentId(), summary.version() + 1);
                next != null;
                next = parked(s, incoming.commitmentId(), summary.version() + 1)) {
            summary = applyInOrder(s, summary, next);
            jdbc.sql("DELETE FROM " + s + ".parked_event WHERE commitment_id = ? AND sequence = ?")
                    .params(next.commitmentId(), next.sequence())
                    .update();
        }
        return ApplyOutcome.APPLIED;
    }

    private CommitmentSummary applyInOrder(String s, CommitmentSummary current, IncomingEvent incoming) {
        CommitmentSummary summary = SummaryFold.apply(current, incoming.applied());
        jdbc.sql(upsertSummary(s)).params(summaryRow(summary)).update();
        jdbc.sql(insertTimelineEntry(s)).params(timelineRow(incoming)).update();
        return summary;
    }

    /**
     * Applies many events at once, as a rebuild reads them: each commitment's summary is read once, folded in memory
     * and written once, and the timeline entries go in one batch, so a rebuild costs a few statements per batch
     * instead of three per event. Commitments with events parked behind a hole take the one-by-one path of {@link
     * #apply}, which drains them. Callers run it inside a transaction.
     */
    public void applyAll(String schema, List<IncomingEvent> events) {
        String s = checked(schema);
        Map<String, List<IncomingEvent>> byCommitment = new LinkedHashMap<>();
        events.forEach(e -> byCommitment
                .computeIfAbsent(e.commitmentId(), id -> new ArrayList<>())
                .add(e));
        String[] ids = byCommitment.keySet().toArray(String[]::new);
        Map<String, CommitmentSummary> summaries = new HashMap<>();
        jdbc.sql("SELECT summary FROM " + s + ".commitment_summary WHERE commitment_id = ANY (?) FOR UPDATE")
                .param(ids)
                .query((row, n) -> json.readValue(row.getString(1), CommitmentSummary.class))
                .list()
                .forEach(summary -> summaries.put(summary.commitmentId(), summary));
        Set<String> withParkedEvents = new HashSet<>(
                jdbc.sql("SELECT DISTINCT commitment_id FROM " + s + ".parked_event WHERE commitment_id = ANY (?)")
                        .param(ids)
                        .query(String.class)
                        .list());
        List<Object[]> summaryRows = new ArrayList<>();
        List<Object[]> timelineRows = new ArrayList<>();
        byCommitment.forEach((id, incoming) -> {
            CommitmentSummary summary = summaries.get(id);
            long version = summary == null ? -1 : summary.version();
            if (withParkedEvents.contains(id) || leavesAHole(version, incoming)) {
                incoming.forEach(event -> apply(s, event)); // parks and drains exactly as the live consumer does
                return;
            }
            for (IncomingEvent event : incoming) {
                if (event.sequence() == version + 1) {
                    summary = SummaryFold.apply(summary, event.applied());
                    version = summary.version();
                    timelineRows.add(timelineRow(event));
                }
            }
            if (summary != summaries.get(id)) {
                summaryRows.add(summaryRow(summary));
            }
        });
        jdbcTemplate.batchUpdate(upsertSummary(s), summaryRows);
        jdbcTemplate.batchUpdate(insertTimelineEntry(s), timelineRows);
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

    private static String upsertSummary(String s) {
        return "INSERT INTO " + s + """
                .commitment_summary (commitment_id, partnership_id, area, status, deadline, countries,
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
            json.writeValueAsString(summary)
        };
    }

    private static String insertTimelineEntry(String s) {
        return "INSERT INTO " + s + """
                .timeline_entry (commitment_id, sequence, global_position, event_id, kind, revision,
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

    private void park(String s, IncomingEvent incoming) {
        jdbc.sql("INSERT INTO " + s + """
                        .parked_event (commitment_id, sequence, global_position, event_id, kind, revision,
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

    private IncomingEvent parked(String s, String commitmentId, long sequence) {
        return jdbc.sql("SELECT global_position, event_id, kind, revision, recorded_at, payload FROM " + s
                        + ".parked_event WHERE commitment_id = ? AND sequence = ?")
                .params(commitmentId, sequence)
                .query((row, n) -> incoming(
                        commitmentId,
                        sequence,
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getTimestamp(5).toInstant(),
                        row.getString(6)))
                .optional()
                .orElse(null);
    }

    private Optional<CommitmentSummary> summaryForUpdate(String s, String commitmentId) {
        return jdbc.sql("SELECT summary FROM " + s + ".commitment_summary WHERE commitment_id = ? FOR UPDATE")
                .param(commitmentId)
                .query((row, n) -> json.readValue(row.getString(1), CommitmentSummary.class))
                .optional();
    }

    // --- queries ---

    public Optional<CommitmentSummary> summary(String schema, String commitmentId) {
        return jdbc.sql("SELECT summary FROM " + checked(schema) + ".commitment_summary WHERE commitment_id = ?")
                .param(commitmentId)
                .query((row, n) -> json.readValue(row.getString(1), CommitmentSummary.class))
                .optional();
    }

    /** The commitment's timeline in sequence order, only what was recorded up to {@code asOf} when it is set. */
    public List<TimelineRow> timeline(String schema, String commitmentId, Instant asOf) {
        return jdbc.sql("SELECT commitment_id, sequence, global_position, event_id, kind, revision, occurred_on,"
                        + " recorded_at, actor, summary, payload::text FROM " + checked(schema)
                        + ".timeline_entry WHERE commitment_id = ? AND (?::timestamptz IS NULL OR recorded_at <= ?)"
                        + " ORDER BY sequence")
                .params(commitmentId, timestamp(asOf), timestamp(asOf))
                .query((row, n) -> new TimelineRow(
                        row.getString(1),
                        row.getLong(2),
                        row.getLong(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getObject(7, LocalDate.class),
                        row.getTimestamp(8).toInstant(),
                        row.getString(9),
                        row.getString(10),
                        row.getString(11)))
                .list();
    }

    /** The summary as it was known at {@code asOf}: the timeline recorded by then, folded again. */
    public Optional<CommitmentSummary> summaryAsOf(String schema, String commitmentId, Instant asOf) {
        List<AppliedEvent> events = new ArrayList<>();
        for (TimelineRow row : timeline(schema, commitmentId, asOf)) {
            events.add(incoming(
                            row.commitmentId(),
                            row.sequence(),
                            row.globalPosition(),
                            row.eventId(),
                            row.kind(),
                            row.revision(),
                            row.recordedAt(),
                            row.payload())
                    .applied());
        }
        return Optional.ofNullable(SummaryFold.fold(events));
    }

    /** One page of commitments in a stable order (by id), with the total that match. */
    public Page list(String schema, CommitmentFilter filter, LocalDate today, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (filter.partnershipId() != null) {
            where.append(" AND partnership_id = ?");
            params.add(filter.partnershipId());
        }
        if (filter.area() != null) {
            where.append(" AND area = ?");
            params.add(filter.area());
        }
        if (filter.party() != null) {
            where.append(" AND ? = ANY (countries)");
            params.add(filter.party());
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            params.add(filter.status().name());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " AND" : " AND NOT").append(OVERDUE);
            params.add(today);
        }
        if (filter.text() != null) {
            where.append(" AND search_text LIKE ?");
            params.add("%"
                    + filter.text().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String from = " FROM " + checked(schema) + ".commitment_summary" + where;
        long total = jdbc.sql("SELECT count(*)" + from)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<CommitmentSummary> items = jdbc.sql("SELECT summary" + from + " ORDER BY commitment_id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((row, n) -> json.readValue(row.getString(1), CommitmentSummary.class))
                .list();
        return new Page(items, page, size, total);
    }

    /** A page of commitments and how many match in all. */
    public record Page(List<CommitmentSummary> items, int page, int size, long total) {}

    /** Counts of a partnership's commitments by area and status, and how many of them are overdue. */
    public List<AreaCount> overview(String schema, String partnershipId, LocalDate today) {
        return jdbc.sql("SELECT area, status, count(*), count(*) FILTER (WHERE" + OVERDUE + ") FROM "
                        + checked(schema) + ".commitment_summary WHERE partnership_id = ?"
                        + " GROUP BY area, status ORDER BY area, status")
                .params(today, partnershipId)
                .query((row, n) -> new AreaCount(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)))
                .list();
    }

    /** Every partnership with how many commitments it has, by id. */
    public List<PartnershipCount> partnerships(String schema) {
        return jdbc.sql("SELECT partnership_id, count(*) FROM " + checked(schema)
                        + ".commitment_summary GROUP BY partnership_id ORDER BY partnership_id")
                .query((row, n) -> new PartnershipCount(row.getString(1), row.getLong(2)))
                .list();
    }

    public record PartnershipCount(String partnershipId, long commitments) {}

    /** How many commitments of one area have one status, and how many of those are overdue. */
    public record AreaCount(String area, String status, long commitments, long overdue) {}

    public List<SequenceHole> holes(String schema) {
        String s = checked(schema);
        return jdbc.sql("SELECT p.commitment_id, coalesce(c.version, -1) + 1, min(p.sequence), count(*) FROM " + s
                        + ".parked_event p LEFT JOIN " + s + ".commitment_summary c USING (commitment_id)"
                        + " GROUP BY p.commitment_id, c.version ORDER BY p.commitment_id")
                .query((row, n) -> new SequenceHole(row.getString(1), row.getLong(2), row.getLong(3), row.getInt(4)))
                .list();
    }

    /** When the newest applied event was recorded, if any was. */
    public Optional<Instant> newestRecordedAt(String schema) {
        return jdbc.sql("SELECT last_recorded_at FROM " + checked(schema)
                        + ".commitment_summary ORDER BY last_recorded_at DESC LIMIT 1")
                .query((row, n) -> row.getTimestamp(1).toInstant())
                .optional();
    }

    private static final String OVERDUE = " (status IN ('AGREED', 'CONFIRMED') AND deadline < ?)";

    private IncomingEvent incoming(
            String commitmentId,
            long sequence,
            long globalPosition,
            String eventId,
            String kind,
            String revision,
            Instant recordedAt,
            String payload) {
        Class<? extends CommitmentEvent> type = EventTypes.forCloudEventType(EventTypes.cloudEventType(kind, revision))
                .orElseThrow(() -> new IllegalStateException(
                        "the read model holds an event of unknown type or revision " + kind + " v" + revision));
        CommitmentEvent event = json.readValue(payload, type);
        return new IncomingEvent(
                commitmentId, sequence, globalPosition, eventId, recordedAt, kind, revision, event, payload);
    }

    private static String searchText(CommitmentSummary summary) {
        return (summary.title() + " " + (summary.description() == null ? "" : summary.description()))
                .toLowerCase(Locale.ROOT);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Schema names go into SQL text, so only names this service makes are accepted. */
    static String checked(String schema) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a read-model schema: " + schema);
        }
        return schema;
    }
}
