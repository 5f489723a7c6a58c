package io.commitmentsledger.projection.store;

import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.projection.summary.CommitmentSummary;
import io.commitmentsledger.projection.summary.IncomingEvent;
import io.commitmentsledger.projection.summary.PartyState;
import io.commitmentsledger.projection.summary.SummaryFold;
import io.commitmentsledger.projection.summary.TimelineSummaries;
import io.commitmentsledger.projection.verification.LedgerLeaf;
import io.commitmentsledger.projection.verification.RejectedRecord;
import io.commitmentsledger.projection.verification.VerifiedEvent;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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
 *
 * <p>Only {@link VerifiedEvent verified} events are applied, and each must chain onto its commitment's previous applied
 * event: its previous leaf hash is that event's leaf hash (zeros for sequence 0). Each entry keeps its leaf hash and log
 * index for that. An event that does not chain, or a redelivery whose leaf differs from the applied one at its sequence,
 * is refused with {@link RejectedRecord} before anything is written, so it is never remembered as applied, parked or a
 * duplicate. A parked event is checked again when its turn comes, against the event actually applied before it.
 */
@Repository
public class ReadModelWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ReadModelJson json;
    private final Incidents incidents;
    private final SummaryChanges changes;

    ReadModelWriter(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            ReadModelJson json,
            Incidents incidents,
            SummaryChanges changes) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
        this.incidents = incidents;
        this.changes = changes;
    }

    /**
     * Applies one event, then the parked events that now follow it. Throws {@link RejectedRecord}, having written
     * nothing, if {@code verified} does not chain onto the commitment's applied events; a parked event that turns out
     * not to is deleted and handed to {@code dropped}.
     */
    public ApplyOutcome apply(Generation generation, VerifiedEvent verified, Consumer<RejectedRecord> dropped) {
        IncomingEvent incoming = verified.incoming();
        Optional<Current> current = currentForUpdate(generation, incoming.commitmentId());
        long version = current.map(c -> c.summary().version()).orElse(-1L);
        if (incoming.sequence() <= version) {
            // an entry applied before records were verified has no leaf hash to compare: a redelivery changes nothing
            byte[] applied = leafHashAt(generation, incoming.commitmentId(), incoming.sequence());
            if (applied != null && !verified.leaf().hasHash(applied)) {
                throw rejected(verified, "another event was applied at sequence " + incoming.sequence());
            }
            return ApplyOutcome.DUPLICATE;
        }
        if (incoming.sequence() > version + 1) {
            park(generation, verified);
            return ApplyOutcome.PARKED;
        }
        checkChain(verified, current.map(Current::leafHash).orElse(LogLeaf.NO_PREVIOUS_LEAF));
        Optional<CommitmentSummary> applied =
                applyInOrder(generation, current.map(Current::summary).orElse(null), verified);
        if (applied.isEmpty()) {
            return ApplyOutcome.REFUSED;
        }
        CommitmentSummary summary = applied.get();
        byte[] lastHash = verified.leaf().hash();
        Optional<VerifiedEvent> next = parked(generation, incoming.commitmentId(), summary.version() + 1);
        while (next.isPresent()) {
            jdbc.sql("DELETE FROM " + generation.table("parked_event") + " WHERE commitment_id = ? AND sequence = ?")
                    .params(next.get().commitmentId(), next.get().sequence())
                    .update();
            if (!next.get().leaf().follows(lastHash)) {
                dropped.accept(rejected(next.get(), brokenChain(next.get())));
                break; // the rest waits for the event the ledger chained them to
            }
            Optional<CommitmentSummary> after = applyInOrder(generation, summary, next.get());
            if (after.isEmpty()) {
                break; // an incident now holds the rest back
            }
            summary = after.get();
            lastHash = next.get().leaf().hash();
            next = parked(generation, incoming.commitmentId(), summary.version() + 1);
        }
        incidents.resolve(generation, incoming.commitmentId(), summary.version());
        return ApplyOutcome.APPLIED;
    }

    /** The summary and the leaf hash of the commitment's newest applied event, locked for this transaction. */
    private record Current(CommitmentSummary summary, byte @Nullable [] leafHash) {}

    /**
     * Throws unless {@code verified} chains onto {@code previous}, the leaf hash of the event applied before it (null
     * if that event was applied before this service verified records: nothing can chain onto it).
     */
    private static void checkChain(VerifiedEvent verified, byte @Nullable [] previous) {
        if (previous == null || !verified.leaf().follows(previous)) {
            throw rejected(verified, brokenChain(verified));
        }
    }

    private static String brokenChain(VerifiedEvent verified) {
        return verified.sequence() == 0
                ? "sequence 0 names a previous event"
                : "its ce_previousleafhash is not the leaf hash of the applied sequence " + (verified.sequence() - 1)
                        + " (or that event was applied before records were verified: rebuild)";
    }

    private static RejectedRecord rejected(VerifiedEvent verified, String reason) {
        return new RejectedRecord(
                RejectedRecord.Check.CHAIN,
                verified.commitmentId(),
                verified.sequence(),
                verified.leaf().logIndex(),
                reason);
    }

    private byte @Nullable [] leafHashAt(Generation generation, String commitmentId, long sequence) {
        return jdbc.sql("SELECT leaf_hash FROM " + generation.table("timeline_entry")
                        + " WHERE commitment_id = ? AND sequence = ?")
                .params(commitmentId, sequence)
                .query((row, n) -> row.getBytes(1))
                .optional()
                .orElse(null);
    }

    /**
     * Applies the event that follows {@code current}; empty, with an incident opened, if the projection cannot. Nothing
     * is written before the fold and the timeline line have been computed, so a refused event leaves no trace but the
     * incident.
     */
    private Optional<CommitmentSummary> applyInOrder(
            Generation generation, @Nullable CommitmentSummary current, VerifiedEvent verified) {
        CommitmentSummary summary;
        Object[] summaryRow;
        Object[] timelineRow;
        try {
            summary = SummaryFold.apply(current, verified.incoming().applied());
            summaryRow = summaryRow(summary);
            timelineRow = timelineRow(verified);
        } catch (RuntimeException refused) {
            incidents.open(generation, verified.incoming(), reason(refused));
            return Optional.empty();
        }
        jdbc.sql(upsertSummary(generation)).params(summaryRow).update();
        jdbc.sql(insertTimelineEntry(generation)).params(timelineRow).update();
        changes.written();
        return Optional.of(summary);
    }

    private static String reason(RuntimeException refused) {
        return refused.getMessage() == null ? refused.toString() : refused.getMessage();
    }

    /** What applying one event of a batch did: its outcome, or why it was refused (then nothing of it was written). */
    public record EventResult(
            VerifiedEvent event,
            @Nullable ApplyOutcome outcome,
            @Nullable RejectedRecord refused) {}

    /**
     * What {@link #applyAll} did: one result per event, in the order given, and the parked events it dropped because
     * they turned out not to chain on (they arrived in earlier batches).
     */
    public record BatchResult(List<EventResult> events, List<RejectedRecord> droppedParked) {

        /** Every event refused for its chain, and every parked event dropped: nothing of them was applied. */
        public List<RejectedRecord> rejected() {
            List<RejectedRecord> all = new ArrayList<>(droppedParked);
            events.stream().map(EventResult::refused).filter(Objects::nonNull).forEach(all::add);
            return all;
        }
    }

    /**
     * Applies many events at once, as the live consumer reads a poll and a rebuild reads the topic: each commitment's
     * summary is read once, folded in memory and written once, and the timeline entries go in one batch, so a batch
     * costs a few statements instead of three per event. Events of one commitment are applied in the order given.
     * Commitments with events parked behind a hole or an open incident, and those with an event the projection cannot
     * apply, or that does not plainly chain on, or that was applied before (a redelivery), take the one-by-one path of
     * {@link #apply}. An event refused for its chain leaves the transaction usable: nothing of it is written.
     */
    public BatchResult applyAll(Generation generation, List<VerifiedEvent> events) {
        Map<String, List<Integer>> byCommitment = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            byCommitment
                    .computeIfAbsent(events.get(i).commitmentId(), id -> new ArrayList<>())
                    .add(i);
        }
        EventResult[] results = new EventResult[events.size()];
        List<RejectedRecord> droppedParked = new ArrayList<>();
        if (events.isEmpty()) {
            return new BatchResult(List.of(), droppedParked);
        }
        String[] ids = byCommitment.keySet().toArray(String[]::new);
        Map<String, Current> currents = new HashMap<>();
        jdbc.sql(selectCurrent(generation, "ANY (?)"))
                .param(ids)
                .query(currentRow())
                .list()
                .forEach(current -> currents.put(current.summary().commitmentId(), current));
        Set<String> heldBack = new HashSet<>(jdbc.sql("SELECT commitment_id FROM " + generation.table("parked_event")
                        + " WHERE commitment_id = ANY (?) UNION SELECT commitment_id FROM "
                        + generation.table("projection_incident") + " WHERE commitment_id = ANY (?)")
                .params(ids, ids)
                .query(String.class)
                .list());
        List<Object[]> summaryRows = new ArrayList<>();
        List<Object[]> timelineRows = new ArrayList<>();
        byCommitment.forEach((id, indexes) -> {
            List<VerifiedEvent> incoming = indexes.stream().map(events::get).toList();
            Current current = currents.get(id);
            CommitmentSummary summary = current == null ? null : current.summary();
            long version = summary == null ? -1 : summary.version();
            byte[] lastHash = current == null ? LogLeaf.NO_PREVIOUS_LEAF : current.leafHash();
            if (heldBack.contains(id) || leavesAHole(version, incoming)) {
                // parks and drains as one by one does
                indexes.forEach(i -> results[i] = applyOne(generation, events.get(i), droppedParked));
                return;
            }
            List<Object[]> rows = new ArrayList<>();
            Map<Long, byte[]> appliedHere = new HashMap<>();
            List<ApplyOutcome> outcomes = new ArrayList<>();
            Object[] summaryRow = null;
            boolean plainChain = true;
            try {
                for (VerifiedEvent event : incoming) {
                    if (event.sequence() == version + 1
                            && lastHash != null
                            && event.leaf().follows(lastHash)) {
                        summary = SummaryFold.apply(summary, event.incoming().applied());
                        version = summary.version();
                        lastHash = event.leaf().hash();
                        appliedHere.put(event.sequence(), lastHash);
                        rows.add(timelineRow(event));
                        outcomes.add(ApplyOutcome.APPLIED);
                    } else {
                        // only a redelivery of what this batch applied is plain; anything else is checked one by one
                        byte[] applied = appliedHere.get(event.sequence());
                        plainChain &= applied != null && event.leaf().hasHash(applied);
                        outcomes.add(ApplyOutcome.DUPLICATE);
                    }
                }
                if (summary != null && (current == null || summary != current.summary())) {
                    summaryRow = summaryRow(summary);
                }
            } catch (RuntimeException refused) {
                plainChain = false;
            }
            if (!plainChain) {
                // nothing of this commitment is written yet: one by one opens the incident or refuses the record
                indexes.forEach(i -> results[i] = applyOne(generation, events.get(i), droppedParked));
                return;
            }
            for (int k = 0; k < indexes.size(); k++) {
                results[indexes.get(k)] = new EventResult(incoming.get(k), outcomes.get(k), null);
            }
            timelineRows.addAll(rows);
            if (summaryRow != null) {
                summaryRows.add(summaryRow);
            }
        });
        jdbcTemplate.batchUpdate(upsertSummary(generation), summaryRows);
        jdbcTemplate.batchUpdate(insertTimelineEntry(generation), timelineRows);
        if (!summaryRows.isEmpty()) {
            changes.written();
        }
        return new BatchResult(Arrays.asList(results), droppedParked);
    }

    /** {@link #apply}, noting what it refuses: it refuses before writing, so the transaction goes on. */
    private EventResult applyOne(Generation generation, VerifiedEvent event, List<RejectedRecord> droppedParked) {
        try {
            return new EventResult(event, apply(generation, event, droppedParked::add), null);
        } catch (RejectedRecord refused) {
            return new EventResult(event, null, refused);
        }
    }

    /** Whether some event would have to wait for an earlier one, which this batch does not bring first. */
    private static boolean leavesAHole(long version, List<VerifiedEvent> incoming) {
        long next = version + 1;
        for (VerifiedEvent event : incoming) {
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
            summary.deadline(),
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
                       occurred_on, recorded_at, actor, summary, payload, log_index, leaf_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""";
    }

    private static Object[] timelineRow(VerifiedEvent verified) {
        IncomingEvent incoming = verified.incoming();
        return new Object[] {
            incoming.commitmentId(),
            incoming.sequence(),
            incoming.globalPosition(),
            incoming.eventId(),
            incoming.kind(),
            incoming.revision(),
            incoming.event().date().toString(),
            Timestamp.from(incoming.recordedAt()),
            incoming.event().actor().toString(),
            TimelineSummaries.summarize(incoming.event()),
            incoming.payload(),
            verified.leaf().logIndex(),
            verified.leaf().hash()
        };
    }

    /**
     * Holds the event back until its predecessor is applied. Another event already parked at its sequence was
     * verified too, so the ledger signed two events there: this one is refused, the first waits for its chain check.
     */
    private void park(Generation generation, VerifiedEvent verified) {
        IncomingEvent incoming = verified.incoming();
        int parked = jdbc.sql("INSERT INTO " + generation.table("parked_event") + """
                         (commitment_id, sequence, global_position, event_id, kind, revision,
                               recorded_at, payload, log_index, leaf_hash, previous_leaf_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(
                        incoming.commitmentId(),
                        incoming.sequence(),
                        incoming.globalPosition(),
                        incoming.eventId(),
                        incoming.kind(),
                        incoming.revision(),
                        Timestamp.from(incoming.recordedAt()),
                        incoming.payload(),
                        verified.leaf().logIndex(),
                        verified.leaf().hash(),
                        verified.leaf().previousHash())
                .update();
        if (parked == 0) {
            Optional<VerifiedEvent> already = parked(generation, incoming.commitmentId(), incoming.sequence());
            if (already.isPresent() && !already.get().leaf().equals(verified.leaf())) {
                throw rejected(verified, "another event is already held back at sequence " + incoming.sequence());
            }
        }
    }

    private Optional<VerifiedEvent> parked(Generation generation, String commitmentId, long sequence) {
        return jdbc.sql("SELECT global_position, event_id, kind, revision, recorded_at, payload, log_index, leaf_hash,"
                        + " previous_leaf_hash FROM " + generation.table("parked_event")
                        + " WHERE commitment_id = ? AND sequence = ?")
                .params(commitmentId, sequence)
                .query((row, n) -> new VerifiedEvent(
                        json.event(
                                commitmentId,
                                sequence,
                                row.getLong(1),
                                row.getString(2),
                                row.getString(3),
                                row.getString(4),
                                row.getTimestamp(5).toInstant(),
                                row.getString(6)),
                        new LedgerLeaf(row.getLong(7), row.getBytes(8), row.getBytes(9))))
                .optional();
    }

    private static String selectCurrent(Generation generation, String ids) {
        return "SELECT c.summary, t.leaf_hash FROM " + generation.table("commitment_summary") + " c LEFT JOIN "
                + generation.table("timeline_entry") + " t ON t.commitment_id = c.commitment_id"
                + " AND t.sequence = c.version WHERE c.commitment_id = " + ids + " FOR UPDATE OF c";
    }

    private RowMapper<Current> currentRow() {
        return (row, n) -> new Current(json.summary(row.getString(1)), row.getBytes(2));
    }

    private Optional<Current> currentForUpdate(Generation generation, String commitmentId) {
        return jdbc.sql(selectCurrent(generation, "?"))
                .param(commitmentId)
                .query(currentRow())
                .optional();
    }

    private static String searchText(CommitmentSummary summary) {
        return (summary.title() + " " + (summary.description() == null ? "" : summary.description()))
                .toLowerCase(Locale.ROOT);
    }
}
