package io.commitmentsledger.projection.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.web.problems.RawHttp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the write side should have recorded, learnt only from its 2xx answers: each commitment's version, and the
 * global position the next event will take. After every request to the write side, the event at that position must
 * not exist unless a 2xx answer said it was recorded: a refused request that wrote anything shows up there.
 */
final class RecordedEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuthorizedHttp ledger;
    private final Map<String, Long> versions = new TreeMap<>();
    private long nextPosition = 1;
    private long events;

    RecordedEvents(AuthorizedHttp ledger) {
        this.ledger = ledger;
    }

    /** Every commitment agreed so far, with its version. */
    Map<String, Long> versions() {
        return versions;
    }

    long events() {
        return events;
    }

    /** Learns what a 2xx command answer recorded, then checks that nothing else was. */
    void account(FuzzRequest request, Response response) {
        try {
            if (response.status() / 100 == 2 && request.method().equals("POST") && isOutcome(response)) {
                learn(response);
            }
        } finally {
            nothingElseRecorded(request, response);
        }
    }

    private static boolean isOutcome(Response response) {
        if (!String.valueOf(response.header("content-type")).startsWith("application/json")) {
            return false;
        }
        JsonNode body = response.json();
        return body.has("commitmentId") && body.has("version");
    }

    private void learn(Response response) {
        if ("true".equals(response.header("idempotent-replayed"))) {
            return; // the first answer again: nothing new
        }
        JsonNode outcome = response.json();
        String id = outcome.get("commitmentId").asString();
        long version = outcome.get("version").asLong();
        Long before = versions.get(id);
        long added;
        if (response.status() == 201) {
            assertThat(before).as("201 for %s, which was already agreed", id).isNull();
            assertThat(version).as("the version of a new commitment").isZero();
            added = 1;
        } else {
            assertThat(before)
                    .as("a command on %s answered 2xx before it was agreed", id)
                    .isNotNull();
            boolean recorded = outcome.get("recorded").asBoolean();
            if (recorded) {
                assertThat(version).as("recorded: true moves %s's version", id).isGreaterThan(before);
            } else {
                assertThat(version).as("recorded: false keeps %s's version", id).isEqualTo(before);
            }
            added = version - before;
        }
        Response history = ledger.send("GET /api/v1/commitments/" + id + "/events HTTP/1.1");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode recordedEvents = history.json().get("events");
        assertThat(history.json().get("version").asLong())
                .as("the history's version against the command's answer for %s", id)
                .isEqualTo(version);
        assertThat(recordedEvents.size()).isEqualTo((int) version + 1);
        versions.put(id, version);
        events += added;
        long last = recordedEvents
                .get(recordedEvents.size() - 1)
                .get("globalPosition")
                .asLong();
        nextPosition = Math.max(nextPosition, last + 1);
    }

    private void nothingElseRecorded(FuzzRequest request, Response response) {
        List<String> unexpected = new ArrayList<>();
        Response next;
        while ((next = ledger.send("GET /api/v1/events/" + nextPosition + " HTTP/1.1")).status() == 200) {
            // resynchronise, so that one failure does not fail every request after it
            unexpected.add(next.body());
            JsonNode event = next.json();
            JsonNode payload = event.get("payload");
            if (payload.isString()) {
                payload = JSON.readTree(payload.asString());
            }
            versions.put(
                    payload.get("commitmentId").asString(),
                    event.get("sequence").asLong());
            nextPosition++;
        }
        assertThat(next.status()).as(next.body()).isEqualTo(404);
        assertThat(unexpected)
                .as(
                        "events recorded by a request that did not say so (status %d):%n%s%n%s",
                        response.status(), request, response.body())
                .isEmpty();
    }
}
