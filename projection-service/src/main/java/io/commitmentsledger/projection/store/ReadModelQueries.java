package io.commitmentsledger.projection.store;

import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.projection.summary.AppliedEvent;
import io.commitmentsledger.projection.summary.CommitmentSummary;
import io.commitmentsledger.projection.summary.SummaryFold;
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

    private final JdbcClient jdbc;
    private final Generations generations;
    private final ReadModelJson json;

    ReadModelQueries(JdbcClient jdbc, Generations generations, ReadModelJson json) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.json = json;
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

    /** The commitment's timeline in sequence order, only what was recorded up to {@code asOf} when it is set. */
    public List<TimelineRow> timeline(String commitmentId, @Nullable Instant asOf) {
        Timestamp until = asOf == null ? null : Timestamp.from(asOf);
        return generations.withActive(generation -> jdbc.sql(
                        "SELECT commitment_id, sequence, global_position, event_id, kind, revision, occurred_on,"
                                + " recorded_at, actor, summary, payload::text FROM "
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
                        row.getString(10),
                        row.getString(11)))
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
        List<AppliedEvent> events = new ArrayList<>();
        for (TimelineRow row : timeline(commitmentId, asOf)) {
            events.add(json.event(
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
        return SummaryFold.fold(events);
    }

    /** One page of commitments in a stable order (by id), with the total that match. */
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
            where.append(filter.overdue() ? " AND" : " AND NOT").append(OVERDUE);
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
            long total = jdbc.sql("SELECT count(*)" + from)
                    .params(params)
                    .query(Long.class)
                    .single();
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
}
