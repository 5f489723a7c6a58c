package io.commitmentsledger.ledger.eventstore;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Axon's side of api-contracts' {@link EventUpcasters}: as events are read from the store, one stored at an earlier
 * revision of its type is reshaped into the current revision by the same upcasters every subscriber uses, so the
 * aggregate only ever sees current revisions: a commitment agreed at revision 1 of {@code CommitmentAgreed} (a target
 * written {@code {"quarter": "2024-Q1"}}) loads with the revision-2 target {@code "2024-Q1"}. Publication, the history
 * and the export read the stored rows themselves, never through this chain: a stored event goes out at its stored
 * revision and bytes, which its leaf in the verifiable log covers. Axon puts every {@code EventUpcaster} bean into its
 * chain; this is the only one, and new revisions need no change here (see "How to add a revision" in docs/events.md).
 * An event stored at a revision newer than this service knows fails to read rather than being read into the older
 * shape.
 */
@Component
public class RevisionUpcaster extends SingleEventUpcaster {

    /** Jackson 2 (Axon's), only to turn trees into plain JSON objects and back: no dates or types involved. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private static final TypeReference<Map<String, @Nullable Object>> JSON_OBJECT = new TypeReference<>() {};

    /** The ledger's event names by the class name Axon stores as the payload type. */
    private static final Map<String, String> NAMES =
            EventTypes.all().stream().collect(Collectors.toUnmodifiableMap(Class::getName, EventTypes::name));

    private final EventUpcasters upcasters;

    RevisionUpcaster(EventUpcasters upcasters) {
        this.upcasters = upcasters;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        SerializedType type = representation.getType();
        String name = NAMES.get(type.getName());
        return name != null
                && !Integer.toString(upcasters.currentRevision(name).orElseThrow())
                        .equals(type.getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SerializedType stored = representation.getType();
        String name = NAMES.get(stored.getName());
        int from = revision(stored);
        int current = upcasters.currentRevision(name).orElseThrow();
        Function<JsonNode, JsonNode> upcast =
                payload -> TREES.valueToTree(upcasters.upcast(name, from, TREES.convertValue(payload, JSON_OBJECT)));
        return representation.upcastPayload(
                new SimpleSerializedType(stored.getName(), Integer.toString(current)), JsonNode.class, upcast);
    }

    private static int revision(SerializedType stored) {
        try {
            return Integer.parseInt(String.valueOf(stored.getRevision()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "stored event of type " + stored.getName() + " has no revision number: " + stored.getRevision(), e);
        }
    }
}
