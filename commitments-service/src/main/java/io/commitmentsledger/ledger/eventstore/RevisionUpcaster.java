package io.commitmentsledger.ledger.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Turns stored events of one type from one revision into the next, as they are read, so that handlers and Kafka
 * only ever see current revisions. When a schema changes incompatibly (see api-contracts' {@code schemas/README.md})
 * add a subclass as a Spring bean: Axon puts every {@code EventUpcaster} bean into its upcaster chain.
 * {@code UpcasterCoverageTest} fails while any revision step of any event lacks one.
 */
public abstract class RevisionUpcaster extends SingleEventUpcaster {

    private final Class<? extends CommitmentEvent> eventType;
    private final int fromRevision;

    protected RevisionUpcaster(Class<? extends CommitmentEvent> eventType, int fromRevision) {
        this.eventType = eventType;
        this.fromRevision = fromRevision;
    }

    public Class<? extends CommitmentEvent> eventType() {
        return eventType;
    }

    public int fromRevision() {
        return fromRevision;
    }

    /** The payload of revision {@code fromRevision}, reshaped into revision {@code fromRevision + 1}. */
    protected abstract JsonNode upcastPayload(JsonNode previous);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(new SimpleSerializedType(eventType.getName(), revision(fromRevision)));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(eventType.getName(), revision(fromRevision + 1)),
                JsonNode.class,
                this::upcastPayload);
    }

    private static String revision(int number) {
        return Integer.toString(number);
    }
}
