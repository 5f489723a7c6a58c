package io.commitmentsledger.projection.summary;

import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.events.AgreementDateCorrected;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentCompleted;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.CommitmentMarkedComplete;
import io.commitmentsledger.contracts.events.CommitmentWithdrawn;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.events.TargetAmended;
import io.commitmentsledger.contracts.events.WorkshopCancelled;
import io.commitmentsledger.contracts.events.WorkshopHeld;
import io.commitmentsledger.contracts.events.WorkshopRescheduled;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One line of plain English per event, for a commitment's timeline, such as {@code Confirmed by GB/DSIT}. Every line
 * names the acting agency, has no line breaks and is at most {@link #MAX_LENGTH} characters: free text (titles,
 * notes, reasons) has its white space collapsed and is cut short with {@value #ELLIPSIS} when the line would be too
 * long.
 */
public final class TimelineSummaries {

    /** The longest line, in UTF-16 chars. */
    public static final int MAX_LENGTH = 200;

    static final String ELLIPSIS = "…";

    /** Room for a workshop's title, a location or an address in the middle of a line. */
    private static final int SHORT_TEXT = 60;

    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u0085\\u00A0\\u2028\\u2029]+");

    private TimelineSummaries() {}

    public static String summarize(CommitmentEvent event) {
        Objects.requireNonNull(event, "event");
        return shorten(line(event), MAX_LENGTH);
    }

    /**
     * One branch per permitted event type; Java 17 has no pattern-matching switch to check that the chain is
     * exhaustive, so a new type lands in the final {@code throw} and {@code TimelineSummariesTest} notices.
     */
    private static String line(CommitmentEvent event) {
        String actor = event.actor().toString();
        if (event instanceof CommitmentAgreed e) {
            String others = e.parties().stream()
                    .map(party -> party.country().value())
                    .filter(country -> !country.equals(e.actor().country().value()))
                    .collect(Collectors.joining(" and "));
            String head = "Agreed by " + actor + (others.isEmpty() ? "" : " with " + others);
            String due = e.target() == null ? ", no date set" : ", due " + e.target();
            return clean(e.title()).isEmpty() ? head + due : fit(head + ": ", e.title(), due);
        } else if (event instanceof CommitmentConfirmed) {
            return "Confirmed by " + actor;
        } else if (event instanceof WorkshopScheduled e) {
            String rest = "' scheduled by " + actor + " " + window("for", e.window()) + " "
                    + where(e.format(), e.location()) + (e.host() == null ? "" : ", hosted by " + e.host());
            return fit("Workshop '", e.title(), rest);
        } else if (event instanceof WorkshopRescheduled e) {
            return withText(
                    "Workshop " + e.workshopId() + " rescheduled by " + actor + " " + window("to", e.window()) + " "
                            + where(e.format(), e.location()),
                    e.reason());
        } else if (event instanceof WorkshopCancelled e) {
            return withText("Workshop " + e.workshopId() + " cancelled by " + actor, e.reason());
        } else if (event instanceof WorkshopHeld e) {
            return withText("Workshop " + e.workshopId() + " held (recorded by " + actor + ")", e.outcome());
        } else if (event instanceof ProgressReported e) {
            String evidence = e.evidence() == null
                    ? ""
                    : " (evidence: " + shorten(clean(e.evidence().toString()), 100) + ")";
            String head = "Progress reported by " + actor;
            return clean(e.note()).isEmpty() ? head + evidence : fit(head + ": ", e.note(), evidence);
        } else if (event instanceof CommitmentMarkedComplete e) {
            return withText("Marked complete by " + actor, e.evidence());
        } else if (event instanceof CommitmentCompleted) {
            return "Completed: both parties marked it complete (the second marking by " + actor + ")";
        } else if (event instanceof TargetAmended e) {
            return withText(targetAmended(e.previousTarget(), e.newTarget(), actor), e.reason());
        } else if (event instanceof CommitmentWithdrawn e) {
            return withText("Withdrawn by " + actor, e.reason());
        } else if (event instanceof AgreementDateCorrected e) {
            return withText(
                    "Agreement date corrected from " + e.previousAgreedOn() + " to " + e.agreedOn() + " by " + actor,
                    e.reason());
        }
        throw new IllegalStateException(
                "TimelineSummaries does not handle " + event.getClass().getName());
    }

    /**
     * "Target moved from 2024-Q1 to 2024-06-30", "Target set to 2025" where there was none, or "Target withdrawn (was
     * 2024-12-31), no date set", each "by" the actor.
     */
    private static String targetAmended(@Nullable PartialDate previous, @Nullable PartialDate next, String actor) {
        if (next == null) {
            return "Target withdrawn by " + actor + (previous == null ? "" : " (was " + previous + ")")
                    + ", no date set";
        }
        if (previous == null) {
            return "Target set to " + next + " by " + actor;
        }
        return "Target moved from " + previous + " to " + next + " by " + actor;
    }

    /** "for 2024-01-01 to 2024-03-31" (or "to …" after "rescheduled"); a single day reads "on 2024-02-20". */
    private static String window(String preposition, DateWindow window) {
        if (window.start().equals(window.end())) {
            return ("to".equals(preposition) ? "to take place " : "") + "on " + window.start();
        }
        return preposition + " " + window.start() + " to " + window.end();
    }

    /** "(in person, London)", or "(online)" when there is no location. */
    private static String where(@Nullable WorkshopFormat format, @Nullable String location) {
        String how = format == null
                ? "format unknown"
                : format.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String place = shorten(clean(location), SHORT_TEXT);
        return "(" + how + (place.isEmpty() ? "" : ", " + place) + ")";
    }

    /** {@code head: text}, the text cut to fit, or just {@code head} without text. */
    private static String withText(String head, @Nullable String text) {
        return clean(text).isEmpty() ? head : fit(head + ": ", text, "");
    }

    /** {@code before + text + after}, the text cut so that the line fits when the fixed parts leave room. */
    private static String fit(String before, String text, String after) {
        int room = Math.max(MAX_LENGTH - before.length() - after.length(), 20);
        return before + shorten(clean(text), room) + after;
    }

    /** One line: every run of white space, line breaks included, becomes a single space. */
    private static String clean(@Nullable String text) {
        return text == null ? "" : WHITE_SPACE.matcher(text).replaceAll(" ").strip();
    }

    /** {@code text} if it fits in {@code max} chars, else its start and an ellipsis, never splitting a code point. */
    private static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - ELLIPSIS.length();
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, Math.max(cut, 0)).stripTrailing() + ELLIPSIS;
    }
}
