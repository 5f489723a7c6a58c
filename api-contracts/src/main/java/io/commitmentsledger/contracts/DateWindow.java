package io.commitmentsledger.contracts;

import java.time.LocalDate;

/** A span of days, both ends included; a single day has the same start and end. */
public record DateWindow(LocalDate start, LocalDate end) {

    public DateWindow {
        Checks.required(start, "start");
        Checks.required(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window's end " + end + " is before its start " + start);
        }
    }

    public static DateWindow on(LocalDate day) {
        return new DateWindow(day, day);
    }

    @Override
    public String toString() {
        return start.equals(end) ? start.toString() : start + ".." + end;
    }
}
