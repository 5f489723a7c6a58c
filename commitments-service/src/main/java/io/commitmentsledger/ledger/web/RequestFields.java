package io.commitmentsledger.ledger.web;

import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.ledger.web.InvalidRequest.FieldProblem;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Converts a request's raw fields into value types, collecting every problem instead of stopping at the first, so
 * that a 400 lists all bad fields at once. The value types' own checks are the single source of what is valid.
 */
public final class RequestFields {

    /** The first time zone to reach a new day: a date is in the future only once it has begun nowhere on Earth. */
    private static final ZoneId EARLIEST_ZONE = ZoneId.of("Pacific/Kiritimati");

    private final Clock clock;
    private final List<FieldProblem> problems = new ArrayList<>();

    public RequestFields(Clock clock) {
        this.clock = clock;
    }

    /**
     * The value {@code convert} makes of a field, or null after noting why it could not: a placeholder that {@link
     * #throwIfInvalid} guarantees no command is ever built from.
     */
    public <T> @Nullable T convert(String field, Supplier<T> convert) {
        try {
            return convert.get();
        } catch (IllegalArgumentException | DateTimeException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }

    /** A calendar date written {@code YYYY-MM-DD}; null (without a problem) when absent and optional. */
    public @Nullable LocalDate date(String field, @Nullable String text, boolean required) {
        if (text == null && !required) {
            return null;
        }
        return convert(field, () -> parseDate(text));
    }

    /** The day something happened in the world: a valid date that has begun somewhere on Earth. */
    public @Nullable LocalDate pastDate(String field, @Nullable String text) {
        LocalDate date = date(field, text, true);
        if (date != null && date.isAfter(LocalDate.now(clock.withZone(EARLIEST_ZONE)))) {
            problems.add(new FieldProblem(field, "must not be in the future"));
            return null;
        }
        return date;
    }

    /**
     * The day something happened in the world when the body gives it ({@link #pastDate}), else today in UTC, by the
     * service's clock: a correction is made when it is recorded unless the body says otherwise.
     */
    public @Nullable LocalDate pastDateOrToday(String field, @Nullable String text) {
        return text == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : pastDate(field, text);
    }

    /**
     * When something happened, as precise as its source ({@link PartialDate}: {@code 2022}, {@code 2024-Q1}, {@code
     * 2024-03} or {@code 2024-01-16}), and begun somewhere on Earth: its first day is not in the future.
     */
    public @Nullable PartialDate pastPartialDate(String field, @Nullable String text) {
        if (text == null) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        PartialDate date = convert(field, () -> PartialDate.parse(text));
        if (date != null && date.firstDay().isAfter(LocalDate.now(clock.withZone(EARLIEST_ZONE)))) {
            problems.add(new FieldProblem(field, "must not be in the future"));
            return null;
        }
        return date;
    }

    /** One value converted on its own, such as an id in the path: the value, or {@link InvalidRequest}. */
    public static <T> T single(String field, Supplier<T> convert) {
        RequestFields fields = new RequestFields(Clock.systemUTC());
        T value = fields.convert(field, convert);
        fields.throwIfInvalid();
        return Objects.requireNonNull(value);
    }

    public void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** Throws {@link InvalidRequest} if any field had a problem. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }

    private static LocalDate parseDate(@Nullable String text) {
        if (text == null) {
            throw new IllegalArgumentException("is required");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be a valid date written YYYY-MM-DD");
        }
    }
}
