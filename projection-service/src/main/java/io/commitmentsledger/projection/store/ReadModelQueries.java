package io.commitmentsledger.projection.store;

import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.projection.summary.AppliedEvent;
import io.commitmentsledger.projection.summary.CommitmentSummary;
import io.commitmentsledger.projection.summary.SummaryFold;
import io.commitmentsledger.projection.summary.WorkshopView;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What readers ask of the read model, answered from the active generation. */
@Repository
public class ReadModelQueries {

    /**
     * {@link CommitmentSummary#overdue} in SQL: open, with a real target whose last day is before today. A commitment
     * with no date set has no deadline (NULL), and is never overdue: {@code deadline < ?} is then NULL, which the
     * {@code coalesce} makes false, so that {@code NOT} of it (the {@code overdue=false} filter) keeps it.
     */
    private static final String OVERDUE = " coalesce(status IN ('AGREED', 'CONFIRMED') AND deadline < ?, FALSE)";

    /** {@link #OVERDUE} as a filter, in the form of the partial index {@code commitment_summary_open_deadline}. */
    private static final String OVERDUE_WHERE = " AND status IN ('AGREED', 'CONFIRMED') AND deadline < ?";

    private final JdbcClient jdbc;
    private final Generations generations;
    private final ReadModelJson json;
    private final ListTotals totals;

    ReadModelQueries(JdbcClient jdbc, Generations generations, ReadModelJson json, SummaryChanges changes) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.json = json;
        this.totals = new ListTotals(changes);
    }

    /** A page of commitments and how many match in all. */
    public record Page(List<CommitmentSummary> items, int page, int size, long total) {}

    /** How many commitments of one area have one status, and how many of those are overdue. */
    public record AreaCount(String area, String status, long commitments, long overdue) {}

    public record PartnershipCount(String partnershipId, long commitments) {}

    public Optional<CommitmentSummary> summary(String commitmentId) {
        return generations.withActive(generation -> jdbc.sql(
                        "SELECT summary FROM " + generation.table("commitment_summary") + " WHERE commitment_id = ?")
                .param(commitmentId)
                .query(json.summaryColumn())
                .optional());
    }

    /**
     * The commitment's timeline in sequence order, only what was recorded up to {@code asOf} when it is set. Without
     * the events' payloads: an entry shows its stored one-line summary, and a 1,000-event timeline would otherwise
     * turn a megabyte of JSONB into text for nothing.
     */
    public List<TimelineRow> timeline(String commitmentId, @Nullable Instant asOf) {
        Timestamp until = asOf == null ? null : Timestamp.from(asOf);
        return generations.withActive(generation -> jdbc.sql(
                        "SELECT commitment_id, sequence, global_position, event_id, kind, revision, occurred_on,"
                                + " recorded_at, actor, summary FROM "
                                + generation.table("timeline_entry")
                                + " WHERE commitment_id = ? AND (?::timestamptz IS NULL OR recorded_at <= ?)"
                                + " ORDER BY sequence")
                .params(commitmentId, until, until)
                .query((row, n) -> new TimelineRow(
                        row.getString(1),
                        row.getLong(2),
                        row.getLong(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        PartialDate.parse(row.getString(7)),
                        row.getTimestamp(8).toInstant(),
                        row.getString(9),
                        row.getString(10)))
                .list());
    }

    /** How much of the commitment's applied timeline was verified against the ledger's signature. */
    public LogCoverage logCoverage(String commitmentId) {
        return generations.withActive(generation -> jdbc.sql("SELECT count(*), count(leaf_hash), min(log_index),"
                        + " max(log_index) FROM " + generation.table("timeline_entry") + " WHERE commitment_id = ?")
                .param(commitmentId)
                .query((row, n) -> new LogCoverage(
                        row.getLong(1), row.getLong(2), row.getObject(3, Long.class), row.getObject(4, Long.class)))
                .single());
    }

    /** The summary as it was known at {@code asOf}: the timeline recorded by then, folded again. */
    public Optional<CommitmentSummary> summaryAsOf(String commitmentId, Instant asOf) {
        List<AppliedEvent> events = generations.withActive(generation -> jdbc.sql(
                        "SELECT sequence, global_position, event_id, kind, revision, recorded_at, payload::text FROM "
                                + generation.table("timeline_entry")
                                + " WHERE commitment_id = ? AND recorded_at <= ? ORDER BY sequence")
                .params(commitmentId, Timestamp.from(asOf))
                .query((row, n) -> json.event(
                                commitmentId,
                                row.getLong(1),
                                row.getLong(2),
                                row.getString(3),
                                row.getString(4),
                                row.getString(5),
                                row.getTimestamp(6).toInstant(),
                                row.getString(7))
                        .applied())
                .list());
        return SummaryFold.fold(events);
    }

    /**
     * One page of commitments in a stable order (by id), with the total that match. The page is read each time; the
     * total, which counts every matching row (100,000 rows cost more than the page), is kept per filter until the
     * summaries next change ({@link ListTotals}).
     */
    public Page list(CommitmentFilter filter, LocalDate today, int page, int size) {
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
            // overdue: the same rule without the coalesce, which in a WHERE changes nothing (NULL keeps no row) and
            // lets the open-deadline index answer; not overdue: NOT of the whole rule, which keeps NULL deadlines
            where.append(filter.overdue() ? OVERDUE_WHERE : " AND NOT" + OVERDUE);
            params.add(today);
        }
        if (filter.text() != null) {
            where.append(" AND search_text LIKE ?");
            params.add("%"
                    + filter.text().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        return generations.withActive(generation -> {
            String from = " FROM " + generation.table("commitment_summary") + where;
            long total = totals.total(
                    from,
                    params,
                    () -> jdbc.sql("SELECT count(*)" + from)
                            .params(params)
                            .query(Long.class)
                            .single());
            List<CommitmentSummary> items = jdbc.sql(
                            "SELECT summary" + from + " ORDER BY commitment_id LIMIT ? OFFSET ?")
                    .params(pageParams)
                    .query(json.summaryColumn())
                    .list();
            return new Page(items, page, size, total);
        });
    }

    /** Counts of a partnership's commitments by area and status, and how many of them are overdue. */
    public List<AreaCount> overview(String partnershipId, LocalDate today) {
        return generations.withActive(generation -> jdbc.sql(
                        "SELECT area, status, count(*), count(*) FILTER (WHERE" + OVERDUE + ") FROM "
                                + generation.table("commitment_summary") + " WHERE partnership_id = ?"
                                + " GROUP BY area, status ORDER BY area, status")
                .params(today, partnershipId)
                .query((row, n) -> new AreaCount(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)))
                .list());
    }

    /** Every partnership with how many commitments it has, by id. */
    public List<PartnershipCount> partnerships() {
        return generations.withActive(generation -> jdbc.sql("SELECT partnership_id, count(*) FROM "
                        + generation.table("commitment_summary") + " GROUP BY partnership_id ORDER BY partnership_id")
                .query((row, n) -> new PartnershipCount(row.getString(1), row.getLong(2)))
                .list());
    }

    /** When the newest applied event was recorded, if any was. */
    public Optional<Instant> newestRecordedAt() {
        return generations.withActive(generation -> jdbc.sql("SELECT last_recorded_at FROM "
                        + generation.table("commitment_summary") + " ORDER BY last_recorded_at DESC LIMIT 1")
                .query((row, n) -> row.getTimestamp(1).toInstant())
                .optional());
    }

    /** For each area of a partnership and each party's country: how many commitments it confirmed and marked complete. */
    public record PartyCount(String area, String country, long commitments, long confirmed, long markedComplete) {}

    /**
     * For each area of a partnership and each country that is a party to some of its commitments: of how many it is a
     * party, how many it has confirmed and how many it has marked complete. One query over the summaries.
     */
    public List<PartyCount> partyCounts(String partnershipId) {
        return generations.withActive(generation -> jdbc.sql("SELECT s.area, p->>'country', count(*),"
                        + " count(*) FILTER (WHERE p->>'confirmedOn' IS NOT NULL),"
                        + " count(*) FILTER (WHERE p->>'markedCompleteOn' IS NOT NULL) FROM "
                        + generation.table("commitment_summary")
                        + " s CROSS JOIN LATERAL jsonb_array_elements(s.summary->'parties') p"
                        + " WHERE s.partnership_id = ? GROUP BY s.area, p->>'country' ORDER BY 1, 2")
                .param(partnershipId)
                .query((row, n) -> new PartyCount(
                        row.getString(1), row.getString(2), row.getLong(3), row.getLong(4), row.getLong(5)))
                .list());
    }

    /** How many events of one kind an actor (such as {@code JP/METI}) recorded. */
    public record ActivityCount(String actor, String kind, long events) {}

    /** What each actor did across a partnership's commitments: applied events counted by actor and kind. */
    public List<ActivityCount> activity(String partnershipId) {
        return generations.withActive(generation -> jdbc.sql("SELECT t.actor, t.kind, count(*) FROM "
                        + generation.table("timeline_entry") + " t JOIN "
                        + generation.table("commitment_summary")
                        + " s ON s.commitment_id = t.commitment_id WHERE s.partnership_id = ?"
                        + " GROUP BY t.actor, t.kind ORDER BY 1, 2")
                .param(partnershipId)
                .query((row, n) -> new ActivityCount(row.getString(1), row.getString(2), row.getLong(3)))
                .list());
    }

    /** A workshop with the commitment it serves. */
    public record PartnershipWorkshop(
            String commitmentId, String commitmentTitle, String area, WorkshopView workshop) {}

    /** Every workshop of a partnership's commitments, by the start of its window. */
    public List<PartnershipWorkshop> workshops(String partnershipId) {
        return generations.withActive(generation -> jdbc.sql("SELECT s.commitment_id, s.summary->>'title', s.area,"
                        + " w::text FROM " + generation.table("commitment_summary")
                        + " s CROSS JOIN LATERAL jsonb_array_elements(s.summary->'workshops') w"
                        + " WHERE s.partnership_id = ? ORDER BY w->>'start', s.commitment_id")
                .param(partnershipId)
                .query((row, n) -> new PartnershipWorkshop(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        json.read(row.getString(4), WorkshopView.class)))
                .list());
    }

    /** The commitments of a partnership whose newest event was recorded last, newest first. */
    public List<CommitmentSummary> recentlyActive(String partnershipId, int limit) {
        return generations.withActive(generation -> jdbc.sql("SELECT summary FROM "
                        + generation.table("commitment_summary")
                        + " WHERE partnership_id = ? ORDER BY last_recorded_at DESC, commitment_id LIMIT ?")
                .params(partnershipId, limit)
                .query(json.summaryColumn())
                .list());
    }

    /** The newest event the read model has applied (by when the ledger recorded it), with its commitment's title. */
    public record NewestEvent(
            long globalPosition, String commitmentId, String commitmentTitle, String kind, Instant recordedAt) {}

    /** The newest applied event: the one the ledger recorded last among those applied; empty before any. */
    public Optional<NewestEvent> newestEvent() {
        return generations.withActive(generation -> jdbc.sql("SELECT t.global_position, t.commitment_id,"
                        + " s.summary->>'title', t.kind, t.recorded_at FROM (SELECT commitment_id, version, summary FROM "
                        + generation.table("commitment_summary")
                        + " ORDER BY last_recorded_at DESC, commitment_id LIMIT 1) s JOIN "
                        + generation.table("timeline_entry")
                        + " t ON t.commitment_id = s.commitment_id AND t.sequence = s.version")
                .query((row, n) -> new NewestEvent(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getTimestamp(5).toInstant()))
                .optional());
    }

    /** A partnership's area as commitments name it. */
    public record PartnershipArea(String partnershipId, String area) {}

    /** Every area that commitments name, by partnership and area. */
    public List<PartnershipArea> areas() {
        return generations.withActive(generation -> jdbc.sql("SELECT DISTINCT partnership_id, area FROM "
                        + generation.table("commitment_summary") + " ORDER BY 1, 2")
                .query((row, n) -> new PartnershipArea(row.getString(1), row.getString(2)))
                .list());
    }

    /** Every country that is a party to some commitment, by code. */
    public List<String> countries() {
        return generations.withActive(generation -> jdbc.sql("SELECT DISTINCT unnest(countries) FROM "
                        + generation.table("commitment_summary") + " ORDER BY 1")
                .query(String.class)
                .list());
    }
}
