package io.commitmentsledger.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commitmentsledger.contracts.events.CommitmentWithdrawn;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class RevisionUpcasterTest {

    /** An imagined revision 0 of CommitmentWithdrawn that called the reason "why". */
    static final class WithdrawnFromRevisionZero extends RevisionUpcaster {
        WithdrawnFromRevisionZero() {
            super(CommitmentWithdrawn.class, 0);
        }

        @Override
        protected JsonNode upcastPayload(JsonNode previous) {
            ObjectNode next = ((ObjectNode) previous).deepCopy();
            next.set("reason", next.remove("why"));
            return next;
        }
    }

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    private IntermediateEventRepresentation stored(String revision, String payload) {
        return new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        "Commitment",
                        "c1",
                        3,
                        "event-1",
                        Instant.parse("2024-02-01T00:00:00Z"),
                        CommitmentWithdrawn.class.getName(),
                        revision,
                        payload.getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8)),
                serializer);
    }

    @Test
    void reshapesEventsOfItsRevisionIntoTheNext() {
        List<IntermediateEventRepresentation> upcast = new WithdrawnFromRevisionZero()
                .upcast(Stream.of(stored("0", "{\"why\": \"Superseded\"}")))
                .toList();

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("1");
            assertThat(event.getData(JsonNode.class).getData().get("reason").asText())
                    .isEqualTo("Superseded");
        });
    }

    @Test
    void leavesOtherRevisionsAlone() {
        List<IntermediateEventRepresentation> upcast = new WithdrawnFromRevisionZero()
                .upcast(Stream.of(stored("1", "{\"reason\": \"Superseded\"}")))
                .toList();

        assertThat(upcast)
                .singleElement()
                .satisfies(event -> assertThat(event.getType().getRevision()).isEqualTo("1"));
    }
}
