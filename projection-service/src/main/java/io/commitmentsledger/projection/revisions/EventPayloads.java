package io.commitmentsledger.projection.revisions;

import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import io.commitmentsledger.contracts.upcasting.RevisionNotYetKnown;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads an event's JSON, recorded at whatever revision, into the event's current revision. JSON of the current
 * revision is read as it is; JSON of an earlier one is upcast first, and then both read the same way, so the read
 * model cannot tell them apart.
 */
@Component
public class EventPayloads {

    private static final TypeReference<Map<String, @Nullable Object>> JSON_OBJECT = new TypeReference<>() {};

    private final EventUpcasters upcasters;
    private final ObjectMapper json;

    EventPayloads(EventUpcasters upcasters, ObjectMapper json) {
        this.upcasters = upcasters;
        this.json = json;
    }

    /**
     * The {@code name} event whose JSON at {@code revision} is {@code payload}, in its current revision; empty for an
     * event type this service does not know.
     *
     * @throws RevisionNotYetKnown if {@code revision} is newer than this service knows
     * @throws JacksonException if the JSON is not an event of that type and revision
     * @throws IllegalArgumentException if a value in it is not valid
     */
    public Optional<CurrentEvent> read(String name, int revision, String payload) {
        Optional<Class<? extends CommitmentEvent>> type = upcasters.type(name);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        int current = upcasters.currentRevision(type.get());
        String currentPayload = revision == current
                ? payload
                : json.writeValueAsString(upcasters.upcast(name, revision, json.readValue(payload, JSON_OBJECT)));
        return Optional.of(new CurrentEvent(current, json.readValue(currentPayload, type.get()), currentPayload));
    }
}
