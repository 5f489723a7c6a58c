package io.commitmentsledger.ledger.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A commitment's version as an HTTP entity tag: version 3 is {@code "3"}. */
public final class Versions {

    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"(\\d{1,18})\"");

    private Versions() {}

    public static String toEntityTag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions an {@code If-Match} header accepts, or null when there is no header or it is {@code *} (any
     * existing commitment). The header is one entity tag or a comma-separated list of them, and matches when any of
     * them does (RFC 9110 section 13.1.1). If-Match compares strongly, so a weak tag ({@code W/"3"}) never matches: it
     * adds no version, and a header of weak tags only accepts none.
     *
     * @throws InvalidHeader when the header is not {@code *} or a list of tags of the form {@code "3"} or {@code W/"3"}
     */
    public static @Nullable List<Long> fromIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        List<Long> versions = new ArrayList<>();
        boolean anyTag = false;
        for (String element : ifMatch.split(",", -1)) {
            if (element.isBlank()) {
                continue; // RFC 9110 section 5.6.1: empty list elements are ignored
            }
            Matcher matcher = ENTITY_TAG.matcher(element.strip());
            if (!matcher.matches()) {
                throw new InvalidHeader(
                        "If-Match", "must be * or entity tags from earlier responses, such as \"3\" or \"3\", \"4\"");
            }
            anyTag = true;
            if (matcher.group(1) == null) {
                versions.add(Long.parseLong(matcher.group(2)));
            }
        }
        if (!anyTag) {
            throw new InvalidHeader("If-Match", "must name at least one entity tag, such as \"3\"");
        }
        return versions;
    }
}
