package io.commitmentsledger.ledger.log.web;

import io.commitmentsledger.ledger.web.RequestFields;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the log's positions and sizes from query parameters and path segments as text, so that anything but a whole
 * number in range is a 400 invalid-request naming the field, never a conversion error.
 */
final class LogRequests {

    /** Decimal digits without a sign or leading zeros, at most as many as a long has. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("0|[1-9][0-9]{0,18}");

    /** The longest event id the event store holds. */
    static final int EVENT_ID_MAX_LENGTH = 255;

    private LogRequests() {}

    /** A whole number from {@code minimum} up; null when absent (and noted as a problem when {@code required}). */
    static @Nullable Long number(
            RequestFields fields, String field, @Nullable String text, long minimum, boolean required) {
        if (text == null) {
            if (required) {
                fields.problem(field, "is required");
            }
            return null;
        }
        return fields.convert(field, () -> parse(text, minimum));
    }

    /** A position or size in the path. */
    static long number(String field, String text, long minimum) {
        return RequestFields.single(field, () -> parse(text, minimum));
    }

    private static long parse(String text, long minimum) {
        String range = "must be a whole number from " + minimum + " to " + Long.MAX_VALUE;
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException(range);
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(range);
        }
        if (value < minimum) {
            throw new IllegalArgumentException(range);
        }
        return value;
    }
}
