package io.commitmentsledger.faults.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** projection-service's timelines, read through its public API. */
public final class Projection {

    private Projection() {}

    /**
     * Every timeline entry of the given commitments, each timeline read once it shows the highest version acknowledged
     * for it (the API's read-your-writes wait).
     */
    public static List<Recorded> timelines(URI projection, Map<String, Long> newestVersions) {
        Http http = new Http(Duration.ofSeconds(40));
        List<Recorded> entries = new ArrayList<>();
        newestVersions.forEach((commitmentId, version) -> {
            try {
                HttpResponse<String> waited = http.get(projection.resolve(
                        "/api/v1/commitments/" + commitmentId + "/timeline?minVersion=" + version + "&wait=30s"));
                // Not there in time: what it shows now, so the tally names what is missing instead of failing here.
                HttpResponse<String> answer = waited.statusCode() == 200
                        ? waited
                        : http.get(projection.resolve("/api/v1/commitments/" + commitmentId + "/timeline"));
                if (answer.statusCode() != 200) {
                    return;
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
        });
        return entries;
    }

    /** The highest version acknowledged per commitment. */
    public static Map<String, Long> newestVersions(Collection<LoadGenerator.Ack> acks) {
        Map<String, Long> newest = new java.util.TreeMap<>();
        acks.forEach(ack -> newest.merge(ack.commitmentId(), ack.version(), Math::max));
        return newest;
    }
}
