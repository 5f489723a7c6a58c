package io.commitmentsledger.projection.web;

import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.SourceReference;
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

        @Schema(
                description = "Open (AGREED or CONFIRMED) and today (UTC; the asOf day with asOf) is after its"
                        + " deadline. Never with no date set")
        boolean overdue,

        @Schema(
                description = "When it is due, as precise as the source: a year (2025), quarter (2024-Q1), month"
                        + " (2024-03) or day (2024-12-31); the form says the precision. Null when no date is set",
                pattern = PartialDate.FORMAT,
                maxLength = PartialDate.MAX_LENGTH,
                example = "2024-Q1")
        @Nullable
        String target,

        @Schema(
                description = "The last day it is on time: the target's last day (2024-Q1: 2024-03-31). Null when no"
                        + " date is set")
        @Nullable
        LocalDate deadline,

        SourceReference source,

        @Schema(
                description = "When it was agreed, as precise as the source (the 2022 Memorandum: 2022), after any"
                        + " correction",
                pattern = PartialDate.FORMAT,
                maxLength = PartialDate.MAX_LENGTH,
                example = "2024-01-16")
        String agreedOn,

        @Schema(
                description = "Upcoming scheduled workshops first (soonest first), then the rest, latest first. A"
                        + " scheduled workshop whose window ended before today (the asOf day with asOf) with no"
                        + " outcome recorded has state WINDOW_PASSED")
        List<WorkshopView> workshops,

        @Schema(
                description = "When the newest event happened, as precise as it says",
                pattern = PartialDate.FORMAT,
                maxLength = PartialDate.MAX_LENGTH,
                example = "2024-03-28")
        String lastActivityOn,

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
                summary.target() == null ? null : summary.target().toString(),
                summary.deadline(),
                summary.source(),
                summary.agreedOn().toString(),
                nextFirst(summary.workshops().stream().map(w -> w.asOf(today)).toList(), today),
                summary.lastActivityOn().toString(),
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
        return WorkshopView.SCHEDULED.equals(workshop.state())
                && !workshop.end().isBefore(today);
    }
}
