package io.commitmentsledger.ledger.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A commitment's version as an HTTP entity tag: version 3 is {@code "3"}. */
public final class Versions {

    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private Versions() {}

    public static String toEntityTag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header expects, or null when there is no header or it is {@code *} (any
     * existing commitment).
     */
    public static @Nullable Long fromIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidHeader("If-Match", "must be one entity tag from an earlier response, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
