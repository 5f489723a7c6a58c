package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A date known to the precision its source gives, and no finer: a year ({@code 2022}), a quarter ({@code 2024-Q1}), a
 * month ({@code 2024-03}) or a day ({@code 2024-01-16}). A source that says "concluded in 2022" is recorded as
 * {@code 2022}, never as a day of 2022 someone chose. Written in JSON as that text.
 */
public final class PartialDate implements Comparable<PartialDate> {

    /** How precisely the source gives the date, coarsest first. */
    public enum Precision {
        YEAR,
        QUARTER,
        MONTH,
        DAY
    }

    /** The JSON Schema / OpenAPI pattern of the four forms. */
    public static final String FORMAT = "^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

    /** The longest form, a day. */
    public static final int MAX_LENGTH = 10;

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(\\d{2})(?:-(\\d{2}))?)?");

    private final Precision precision;
    private final LocalDate firstDay;
    private final LocalDate lastDay;

    private PartialDate(Precision precision, LocalDate firstDay, LocalDate lastDay) {
        if (firstDay.getYear() < 1900 || firstDay.getYear() > 2999) {
            throw new IllegalArgumentException("a date's year must be between 1900 and 2999");
        }
        this.precision = precision;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    public static PartialDate day(LocalDate day) {
        return new PartialDate(Precision.DAY, day, day);
    }

    public static PartialDate month(YearMonth month) {
        return new PartialDate(Precision.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    public static PartialDate quarter(Quarter quarter) {
        return new PartialDate(Precision.QUARTER, quarter.firstDay(), quarter.lastDay());
    }

    public static PartialDate year(int year) {
        return new PartialDate(Precision.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * Reads {@code 2022}, {@code 2024-Q1}, {@code 2024-03} or {@code 2024-01-16}.
     *
     * @throws IllegalArgumentException naming the four forms, for any other text or a day that does not exist
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PartialDate parse(@Nullable String text) {
        Checks.required(text, "date");
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "a date must be written YYYY, YYYY-QN, YYYY-MM or YYYY-MM-DD, such as '2022', '2024-Q1',"
                            + " '2024-03' or '2024-01-16'");
        }
        int year = Integer.parseInt(matcher.group(1));
        try {
            if (matcher.group(2) != null) {
                return quarter(new Quarter(year, Integer.parseInt(matcher.group(2))));
            }
            if (matcher.group(3) == null) {
                return year(year);
            }
            int month = Integer.parseInt(matcher.group(3));
            if (matcher.group(4) == null) {
                return month(YearMonth.of(year, month));
            }
            return day(LocalDate.of(year, month, Integer.parseInt(matcher.group(4))));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date in the calendar", e);
        }
    }

    public Precision precision() {
        return precision;
    }

    public boolean isDay() {
        return precision == Precision.DAY;
    }

    /** The first day the date may be. */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** The last day the date may be: for a target, the last day the commitment is on time. */
    public LocalDate lastDay() {
        return lastDay;
    }

    /**
     * The day itself.
     *
     * @throws IllegalStateException if the source gave less than a day
     */
    public LocalDate asDay() {
        if (!isDay()) {
            throw new IllegalStateException(this + " is a " + precision.name().toLowerCase() + ", not a day");
        }
        return firstDay;
    }

    /** Orders by first day, then the finer date first: 2024-01-01 before 2024-01 before 2024-Q1 before 2024. */
    @Override
    public int compareTo(PartialDate other) {
        int byStart = firstDay.compareTo(other.firstDay);
        return byStart != 0 ? byStart : lastDay.compareTo(other.lastDay);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PartialDate date
                && precision == date.precision
                && firstDay.equals(date.firstDay)
                && lastDay.equals(date.lastDay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(precision, firstDay, lastDay);
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (precision) {
            case YEAR -> String.valueOf(firstDay.getYear());
            case QUARTER -> firstDay.getYear() + "-Q" + ((firstDay.getMonthValue() - 1) / 3 + 1);
            case MONTH -> YearMonth.from(firstDay).toString();
            case DAY -> firstDay.toString();
        };
    }
}
