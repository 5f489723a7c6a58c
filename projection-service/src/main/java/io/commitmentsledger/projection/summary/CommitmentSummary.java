package io.commitmentsledger.projection.summary;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.SourceReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a commitment stands, as readers ask for it. Built only by {@link SummaryFold} from the commitment's events.
 *
 * @param target as precise as the source gives it (a year, quarter, month or day); null when no date is set
 * @param agreedOn when it was agreed, as precise as the source gives it (the 2022 Memorandum: {@code 2022}), after any
 *     correction
 * @param workshops in the order they were scheduled
 * @param lastActivityOn the world date of the newest event
 * @param lastRecordedAt when the ledger recorded the newest event
 * @param version the sequence number of the newest event applied
 */
public record CommitmentSummary(
        String commitmentId,
        String partnershipId,
        String area,
        String title,
        @Nullable String description,
        List<PartyState> parties,
        CommitmentStatus status,
        @Nullable PartialDate target,
        SourceReference source,
        PartialDate agreedOn,
        List<WorkshopView> workshops,
        PartialDate lastActivityOn,
        Instant lastRecordedAt,
        long version) {

    /** The last day the commitment is on time: its target's last day; null when no date is set. */
    @JsonIgnore
    public @Nullable LocalDate deadline() {
        return target == null ? null : target.lastDay();
    }

    /**
     * Still open after the last day of a real target. A commitment with no date set is never overdue. The read model's
     * list query says the same in SQL over the {@code deadline} column.
     */
    public boolean overdue(LocalDate today) {
        LocalDate deadline = deadline();
        return deadline != null && status.isOpen() && today.isAfter(deadline);
    }
}
