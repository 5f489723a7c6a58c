package io.commitmentsledger.contracts;

import java.net.URI;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Format checks shared by the value types, events and the services that build them; each failure is an {@link
 * IllegalArgumentException} naming the value it was checking.
 */
public final class Checks {

    public static final int TITLE_LENGTH = 200;
    public static final int DESCRIPTION_LENGTH = 4000;
    public static final int NOTE_LENGTH = 4000;
    public static final int REASON_LENGTH = 1000;
    public static final int LOCATION_LENGTH = 300;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private Checks() {}

    public static <T> T required(@Nullable T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    /** Lower-case words joined by single hyphens, such as {@code jp-uk-digital-partnership}. */
    static String slug(@Nullable String value, String what, int maxLength) {
        required(value, what);
        if (value.length() < 2
                || value.length() > maxLength
                || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 2 to " + maxLength
                    + " lower-case letters or digits in words joined by single hyphens, such as 'jp-uk-2024'");
        }
        return value;
    }

    /** Non-blank text of bounded length, stripped of surrounding white space. */
    public static String text(@Nullable String value, String what, int maxLength) {
        required(value, what);
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(what + " must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    /** Like {@link #text} but absent values stay absent. */
    public static @Nullable String optionalText(@Nullable String value, String what, int maxLength) {
        return value == null || value.isBlank() ? null : text(value, what, maxLength);
    }

    /** An absolute http or https address, or nothing. */
    public static @Nullable URI optionalHttpUrl(@Nullable URI url, String what) {
        if (url != null && !(url.isAbsolute() && ("https".equals(url.getScheme()) || "http".equals(url.getScheme())))) {
            throw new IllegalArgumentException(what + " must be an absolute http or https address");
        }
        return url;
    }
}
