package io.commitmentsledger.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import io.commitmentsledger.contracts.upcasting.RevisionNotYetKnown;
import io.commitmentsledger.contracts.upcasting.Upcaster;
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

    /** ProgressReported as this test imagines it: revision 2 is the record, revision 1 called the note "comment". */
    private static final EventUpcasters PROGRESS_AT_REVISION_2 = EventUpcasters.ledger()
            .with(new Upcaster(ProgressReported.class, 1, json -> {
                json.put("note", json.remove("comment"));
                return json;
            }));

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new EventStoreConfiguration().defaultAxonObjectMapper())
            .build();

    private final RevisionUpcaster upcaster = new RevisionUpcaster(PROGRESS_AT_REVISION_2);

    private IntermediateEventRepresentation stored(String payloadType, String revision, String payload) {
        return new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        "Commitment",
                        "c-1",
                        3,
                        "event-1",
                        Instant.parse("2024-03-28T00:00:00Z"),
                        payloadType,
                        revision,
                        payload.getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8)),
                serializer);
    }

    private IntermediateEventRepresentation progress(String revision, String payload) {
        return stored(ProgressReported.class.getName(), revision, payload);
    }

    private List<IntermediateEventRepresentation> upcast(IntermediateEventRepresentation stored) {
        return upcaster.upcast(Stream.of(stored)).toList();
    }

    @Test
    void reshapesAnEventStoredAtAnEarlierRevisionIntoTheCurrentOneThroughTheSharedUpcasters() {
        List<IntermediateEventRepresentation> upcast = upcast(progress("1", """
                {"commitmentId": "c-1", "comment": "Workshop held", "evidence": null,
                 "actor": "JP/METI", "occurredOn": "2024-03-28"}"""));

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            ProgressReported read = serializer.deserialize(event.getData(byte[].class));
            assertThat(read.note()).isEqualTo("Workshop held");
            assertThat(read.commitmentId().value()).isEqualTo("c-1");
        });
    }

    @Test
    void leavesEventsAtTheCurrentRevisionAlone() {
        String payload = "{\"note\": \"Workshop held\"}";

        assertThat(upcast(progress("2", payload))).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            assertThat(event.getData(JsonNode.class).getData().get("note").asText())
                    .isEqualTo("Workshop held");
        });
    }

    @Test
    void leavesOtherTypesAlone() {
        assertThat(upcast(stored(CommitmentConfirmed.class.getName(), "1", "{}")))
                .singleElement()
                .satisfies(event -> assertThat(event.getType().getRevision()).isEqualTo("1"));
        assertThat(upcast(stored("com.example.NotALedgerEvent", "7", "{}")))
                .singleElement()
                .satisfies(event -> assertThat(event.getType().getRevision()).isEqualTo("7"));
    }

    @Test
    void refusesToReadAnEventStoredAtARevisionNewerThanItKnows() {
        IntermediateEventRepresentation upcast =
                upcast(progress("3", "{\"note\": \"?\"}")).get(0);

        assertThatThrownBy(() -> upcast.getData(JsonNode.class).getData())
                .isInstanceOf(RevisionNotYetKnown.class)
                .hasMessageContaining("ProgressReported revision 3");
    }

    @Test
    void storesEventsAtTheRevisionTheUpcastersKnowAsCurrent() {
        var resolver = new EventStoreConfiguration().revisionResolver(PROGRESS_AT_REVISION_2);

        assertThat(resolver.revisionOf(ProgressReported.class)).isEqualTo("2");
        assertThat(resolver.revisionOf(CommitmentConfirmed.class)).isEqualTo("1");
    }
}
