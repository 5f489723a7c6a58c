package io.commitmentsledger.projection.summary;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A workshop under a commitment. {@code state} is what the events say, {@link #SCHEDULED}, {@link #CANCELLED} or
 * {@link #HELD}; read against a day ({@link #asOf}), a scheduled workshop whose window ended before that day is
 * {@link #WINDOW_PASSED}: no outcome was recorded. That is derived, never stored: a holding or a cancellation recorded
 * later still applies.
 */
public record WorkshopView(
        String workshopId,
        String title,
        LocalDate start,
        LocalDate end,
        @Nullable String format,
        @Nullable String location,
        @Nullable String host,
        String state,
        @Nullable LocalDate heldOn,
        @Nullable String outcome) {

    /** Scheduled, possibly after rescheduling, and its window has not ended. */
    public static final String SCHEDULED = "SCHEDULED";
    /** Will not be held. */
    public static final String CANCELLED = "CANCELLED";
    /** Was held. */
    public static final String HELD = "HELD";
    /** Derived: scheduled, its window ended before the day asked about, and neither held nor cancelled recorded. */
    public static final String WINDOW_PASSED = "WINDOW_PASSED";

    /** This workshop as it reads on {@code today}: a scheduled one whose window has ended is {@link #WINDOW_PASSED}. */
    public WorkshopView asOf(LocalDate today) {
        if (!SCHEDULED.equals(state) || !end.isBefore(today)) {
            return this;
        }
        return new WorkshopView(workshopId, title, start, end, format, location, host, WINDOW_PASSED, heldOn, outcome);
    }
}
