package io.commitmentsledger.projection.web;

import io.commitmentsledger.contracts.SourceReference;
import io.commitmentsledger.contracts.Target;
import io.commitmentsledger.projection.summary.CommitmentStatus;
import io.commitmentsledger.projection.summary.CommitmentSummary;
import io.commitmentsledger.projection.summary.PartyState;
import io.commitmentsledger.projection.summary.WorkshopView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where a commitment stands, with what depends on today: whether it is overdue, and its next workshop first. */
@Schema(name = "Commitment")
record CommitmentView(
        String commitmentId,
        String partnershipId,
        String area,
        String title,
        @Nullable String description,
        List<PartyState> parties,
        CommitmentStatus status,
        boolean overdue,
        Target target,
        LocalDate deadline,
        SourceReference source,
        LocalDate agreedOn,

        @Schema(description = "Upcoming scheduled workshops first (soonest first), then the rest, latest first")
        List<WorkshopView> workshops,

        LocalDate lastActivityOn,
        Instant lastRecordedAt,

        @Schema(description = "The sequence number of the newest event applied; compare with the write side's ETag")
        long version,

        @Schema(
                description = "True while an event the ledger recorded for it could not be applied (an incident):"
                        + " later events wait behind it, so this may be behind the ledger. False again once an event at that"
                        + " sequence is applied, by a rebuild or a later delivery")
        boolean stale) {

    static CommitmentView of(CommitmentSummary summary, LocalDate today, boolean stale) {
        return new CommitmentView(
                summary.commitmentId(),
                summary.partnershipId(),
                summary.area(),
                summary.title(),
                summary.description(),
                summary.parties(),
                summary.status(),
                summary.overdue(today),
                summary.target(),
                summary.target().deadline(),
                summary.source(),
                summary.agreedOn(),
                nextFirst(summary.workshops(), today),
                summary.lastActivityOn(),
                summary.lastRecordedAt(),
                summary.version(),
                stale);
    }

    private static List<WorkshopView> nextFirst(List<WorkshopView> workshops, LocalDate today) {
        Comparator<WorkshopView> upcoming = Comparator.comparing(WorkshopView::start);
        return workshops.stream()
                .sorted(Comparator.comparing((WorkshopView w) -> !isUpcoming(w, today))
                        .thenComparing(
                                (a, b) -> isUpcoming(a, today) ? upcoming.compare(a, b) : upcoming.compare(b, a)))
                .toList();
    }

    private static boolean isUpcoming(WorkshopView workshop, LocalDate today) {
        return "SCHEDULED".equals(workshop.state()) && !workshop.end().isBefore(today);
    }
}
