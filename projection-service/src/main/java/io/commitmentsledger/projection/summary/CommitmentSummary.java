package io.commitmentsledger.projection.summary;

import io.commitmentsledger.contracts.SourceReference;
import io.commitmentsledger.contracts.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a commitment stands, as readers ask for it. Built only by {@link SummaryFold} from the commitment's events.
 *
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
        Target target,
        SourceReference source,
        LocalDate agreedOn,
        List<WorkshopView> workshops,
        LocalDate lastActivityOn,
        Instant lastRecordedAt,
        long version) {

    /** Still open after the last day of its target. */
    public boolean overdue(LocalDate today) {
        return status.isOpen() && today.isAfter(target.deadline());
    }
}
