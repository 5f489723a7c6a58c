package io.commitmentsledger.projection.web;

import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.projection.summary.CommitmentStatus;
import io.commitmentsledger.projection.summary.WorkshopView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates, targets, statuses and event kinds in words, as the pages show them; templates use it as {@code @pageText}.
 * Dates of the world are days ("16 Jan 2024"); instants are shown in UTC, which the page says.
 */
@Component("pageText")
public class PageText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("CommitmentAgreed", "Agreed"),
            Map.entry("CommitmentConfirmed", "Confirmed"),
            Map.entry("WorkshopScheduled", "Workshop scheduled"),
            Map.entry("WorkshopRescheduled", "Workshop rescheduled"),
            Map.entry("WorkshopCancelled", "Workshop cancelled"),
            Map.entry("WorkshopHeld", "Workshop held"),
            Map.entry("ProgressReported", "Progress reported"),
            Map.entry("CommitmentMarkedComplete", "Marked complete"),
            Map.entry("CommitmentCompleted", "Completed"),
            Map.entry("TargetAmended", "Target amended"),
            Map.entry("AgreementDateCorrected", "Agreement date corrected"),
            Map.entry("CommitmentWithdrawn", "Withdrawn"));

    /** "16 Jan 2024"; empty for none. */
    public String day(@Nullable LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** "27 Nov 2026, 14:03 UTC"; empty for none. */
    public String instant(@Nullable Instant instant) {
        return instant == null ? "" : INSTANT.format(instant);
    }

    /** A target as precise as its source, in {@link #date}'s words, or "no date set" when there is none. */
    public String target(@Nullable Object target) {
        return target == null ? "no date set" : date(target);
    }

    /**
     * A date as precise as it was recorded, never finer: a day in words ("16 Jan 2024"), a month ("Mar 2024"), a
     * quarter or a year as written ("2024-Q1", "2022"); empty for none. Takes a {@link PartialDate}, a day, or the API's
     * text of either.
     */
    public String date(@Nullable Object date) {
        if (date == null) {
            return "";
        }
        if (date instanceof LocalDate day) {
            return day(day);
        }
        PartialDate partial = date instanceof PartialDate given ? given : PartialDate.parse(date.toString());
        return switch (partial.precision()) {
            case DAY -> day(partial.asDay());
            case MONTH -> MONTH.format(partial.firstDay());
            case QUARTER, YEAR -> partial.toString();
        };
    }

    /** "Agreed", "Confirmed by both", "Completed", "Withdrawn". */
    public String status(@Nullable Object status) {
        if (status == null) {
            return "";
        }
        return switch (status.toString()) {
            case "AGREED" -> "Agreed";
            case "CONFIRMED" -> "Confirmed by both";
            case "COMPLETED" -> "Completed";
            case "WITHDRAWN" -> "Withdrawn";
            default -> status.toString();
        };
    }

    /** The statuses, for a filter's choices. */
    public CommitmentStatus[] statuses() {
        return CommitmentStatus.values();
    }

    /** "Workshop scheduled" for {@code WorkshopScheduled}. */
    public String kind(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }

    /** Where a workshop stands on {@code today}: never "scheduled" once its window has passed with no outcome. */
    public String workshopState(WorkshopView workshop, LocalDate today) {
        return switch (WorkshopStanding.of(workshop, today)) {
            case UPCOMING -> "upcoming";
            case IN_WINDOW -> "its window is now; no outcome recorded yet";
            case WINDOW_PASSED -> "window passed, no outcome recorded";
            case HELD -> workshop.heldOn() == null ? "held" : "held on " + day(workshop.heldOn());
            case CANCELLED -> "cancelled";
        };
    }

    /** "1 Jan 2024 to 31 Mar 2024", or one day. */
    public String window(WorkshopView workshop) {
        return workshop.start().equals(workshop.end())
                ? day(workshop.start())
                : day(workshop.start()) + " to " + day(workshop.end());
    }

    /**
     * Where a workshop stands on a day, for people: the API's state ({@link WorkshopView#asOf}) with "scheduled" told
     * apart into upcoming and in its window now.
     */
    enum WorkshopStanding {
        UPCOMING,
        IN_WINDOW,
        WINDOW_PASSED,
        HELD,
        CANCELLED;

        static WorkshopStanding of(WorkshopView workshop, LocalDate today) {
            return switch (workshop.asOf(today).state()) {
                case WorkshopView.HELD -> HELD;
                case WorkshopView.CANCELLED -> CANCELLED;
                case WorkshopView.WINDOW_PASSED -> WINDOW_PASSED;
                default -> today.isBefore(workshop.start()) ? UPCOMING : IN_WINDOW;
            };
        }
    }
}
