package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2024-Q1}. */
public record Quarter(int year, int quarter) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("quarter's year must be between 1900 and 2999");
        }
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Quarter parse(String text) {
        Checks.required(text, "quarter");
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("quarter must be written YYYY-QN, such as '2024-Q1'");
        }
        return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    @JsonValue
    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
