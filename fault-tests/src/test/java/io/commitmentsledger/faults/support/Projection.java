package io.commitmentsledger.faults.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** projection-service's timelines, read through its public API with a reader's token (an auditor's). */
public final class Projection {

    private Projection() {}

    /**
     * Waits, up to {@code atMost} in all, until every commitment's timeline shows the highest version acknowledged for
     * it (the API's read-your-writes wait, asked again until it answers 200); whether they all did.
     */
    public static boolean awaitVisible(URI projection, Http http, Map<String, Long> newestVersions, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        for (Map.Entry<String, Long> newest : newestVersions.entrySet()) {
            URI visible = projection.resolve("/api/v1/commitments/" + newest.getKey() + "/timeline?minVersion="
                    + newest.getValue() + "&wait=10s");
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative()
                    || Ledger.timeUntil(left, () -> http.status(visible) == 200).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Every timeline entry of the given commitments, as the projection answers them now. */
    public static List<Recorded> timelines(URI projection, Http http, Collection<String> commitmentIds) {
        List<Recorded> entries = new ArrayList<>();
        for (String commitmentId : commitmentIds) {
            try {
                HttpResponse<String> answer =
                        http.get(projection.resolve("/api/v1/commitments/" + commitmentId + "/timeline"));
                if (answer.statusCode() != 200) {
                    continue; // not known to the projection: the tally counts its commands as lost
                }
                for (JsonNode entry : Http.JSON.readTree(answer.body()).get("entries")) {
                    entries.add(new Recorded(
                            commitmentId,
                            entry.get("sequence").asLong(),
                            entry.get("eventId").asString(),
                            Optional.empty()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entries;
    }

    /** The highest version acknowledged per commitment. */
    public static Map<String, Long> newestVersions(Collection<LoadGenerator.Ack> acks) {
        Map<String, Long> newest = new java.util.TreeMap<>();
        acks.forEach(ack -> newest.merge(ack.commitmentId(), ack.version(), Math::max));
        return newest;
    }
}
