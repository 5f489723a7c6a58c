package io.commitmentsledger.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** When a commitment is due: either a date or a quarter, never both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Target(@Nullable LocalDate date, @Nullable Quarter quarter) {

    public Target {
        if ((date == null) == (quarter == null)) {
            throw new IllegalArgumentException("target must have either a date or a quarter");
        }
    }

    public static Target on(LocalDate date) {
        return new Target(date, null);
    }

    public static Target in(Quarter quarter) {
        return new Target(null, quarter);
    }

    /** The last day the commitment is on time. */
    public LocalDate deadline() {
        return date != null ? date : Objects.requireNonNull(quarter).lastDay();
    }

    @Override
    public String toString() {
        return date != null ? date.toString() : Objects.requireNonNull(quarter).toString();
    }
}
