package io.commitmentsledger.faults.support;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event as a place holds it (a row of the store, a record on the topic, an entry of a timeline): its commitment,
 * sequence, event id and, for events the load caused, the token of the command that caused it.
 */
public record Recorded(String commitmentId, long sequence, String eventId, Optional<String> token) {

    private static final Pattern TOKEN = Pattern.compile("fault-token-[0-9a-f-]{36}");

    /** The load's token in an event's text, if it has one. */
    public static Optional<String> tokenIn(String text) {
        Matcher matcher = TOKEN.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
