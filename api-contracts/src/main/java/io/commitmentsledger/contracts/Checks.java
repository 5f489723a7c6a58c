package io.commitmentsledger.contracts;

import java.net.URI;
import java.util.Locale;
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
    public static final int SOURCE_TITLE_LENGTH = 300;
    public static final int SOURCE_SECTION_LENGTH = 100;

    /** Lower-case letters or digits in words joined by single hyphens: the format of every id and area. */
    public static final String SLUG_FORMAT = "[a-z0-9]+(?:-[a-z0-9]+)*";

    /** The shortest slug. */
    public static final int SLUG_MIN_LENGTH = 2;

    private static final Pattern SLUG = Pattern.compile(SLUG_FORMAT);

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
        if (value.length() < SLUG_MIN_LENGTH
                || value.length() > maxLength
                || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 2 to " + maxLength
                    + " lower-case letters or digits in words joined by single hyphens, such as 'jp-uk-2024'");
        }
        return value;
    }

    /**
     * Non-blank one-line text of bounded length, stripped of surrounding white space, such as a title, a location or
     * a section: no control character at all ({@link #storableCharacters}).
     */
    public static String text(@Nullable String value, String what, int maxLength) {
        return boundedText(value, what, maxLength, false);
    }

    /** Like {@link #text} but absent values stay absent. */
    public static @Nullable String optionalText(@Nullable String value, String what, int maxLength) {
        return value == null || value.isBlank() ? null : text(value, what, maxLength);
    }

    /**
     * Non-blank free prose of bounded length, stripped of surrounding white space, such as a description, a note, a
     * reason or an outcome: like {@link #text}, but line breaks ({@code \n} or {@code \r\n}) and tabs are kept.
     */
    public static String prose(@Nullable String value, String what, int maxLength) {
        return boundedText(value, what, maxLength, true);
    }

    /** Like {@link #prose} but absent values stay absent. */
    public static @Nullable String optionalProse(@Nullable String value, String what, int maxLength) {
        return value == null || value.isBlank() ? null : prose(value, what, maxLength);
    }

    /**
     * Non-blank text of bounded length, stripped of surrounding white space, whatever characters it holds: the check a
     * value type inside recorded events makes, so that history recorded before a character rule existed stays
     * readable. Input is checked with {@link #text} or {@link #prose} before it is recorded.
     */
    public static String recordedText(@Nullable String value, String what, int maxLength) {
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

    /** Like {@link #recordedText} but absent values stay absent. */
    public static @Nullable String optionalRecordedText(@Nullable String value, String what, int maxLength) {
        return value == null || value.isBlank() ? null : recordedText(value, what, maxLength);
    }

    private static String boundedText(@Nullable String value, String what, int maxLength, boolean prose) {
        return storableCharacters(recordedText(value, what, maxLength), what, prose);
    }

    /**
     * Text that every part of the ledger can store and show: PostgreSQL text cannot hold U+0000, and a control
     * character, an unpaired surrogate or a Unicode non-character (U+FFFE, U+FFFF, U+FDD0..U+FDEF and the last two
     * code points of every plane) would corrupt or garble it somewhere downstream. Control characters are C0
     * (U+0000..U+001F), U+007F and C1 (U+0080..U+009F); prose may keep tabs and line breaks ({@code \n}, or
     * {@code \r} directly followed by {@code \n}).
     */
    private static String storableCharacters(String value, String what, boolean prose) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean lineBreak =
                    c == '\n' || c == '\t' || (c == '\r' && next < value.length() && value.charAt(next) == '\n');
            if (Character.isISOControl(c) && !(prose && lineBreak)) {
                throw refused(
                        what, c, prose ? "a control character other than a line break or tab" : "a control character");
            }
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                throw refused(what, c, "half of a surrogate pair");
            }
            if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) {
                throw refused(what, c, "a Unicode non-character");
            }
            i = next;
        }
        return value;
    }

    private static IllegalArgumentException refused(String what, int c, String kind) {
        return new IllegalArgumentException(
                what + " must not contain " + kind + String.format(Locale.ROOT, " (U+%04X)", c));
    }

    /** An absolute http or https address of storable characters, or nothing. */
    public static @Nullable URI optionalHttpUrl(@Nullable URI url, String what) {
        if (url != null) {
            storableCharacters(optionalRecordedHttpUrl(url, what).toString(), what, false);
        }
        return url;
    }

    /** An absolute http or https address, or nothing; like {@link #recordedText}, no character rule. */
    public static @Nullable URI optionalRecordedHttpUrl(@Nullable URI url, String what) {
        if (url != null && !(url.isAbsolute() && ("https".equals(url.getScheme()) || "http".equals(url.getScheme())))) {
            throw new IllegalArgumentException(what + " must be an absolute http or https address");
        }
        return url;
    }
}
