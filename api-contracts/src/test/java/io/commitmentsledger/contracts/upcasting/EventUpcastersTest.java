package io.commitmentsledger.contracts.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commitmentsledger.contracts.events.CommitmentWithdrawn;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.ProgressReported;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventUpcastersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * ProgressReported as these tests imagine its history: revision 1 called the note "comment", revision 2 "text",
     * revision 3 (the record as it is) "note". The second step needs what the first produced, so order matters.
     */
    private static final Upcaster COMMENT_TO_TEXT = new Upcaster(ProgressReported.class, 1, json -> {
        json.put("text", json.remove("comment"));
        return json;
    });

    private static final Upcaster TEXT_TO_NOTE = new Upcaster(ProgressReported.class, 2, json -> {
        json.put("note", json.remove("text"));
        return json;
    });

    private final EventUpcasters threeRevisions =
            EventUpcasters.ledger().with(COMMENT_TO_TEXT).with(TEXT_TO_NOTE);

    @Test
    void knowsEveryEventTypeAtTheRevisionItsRecordDeclares() {
        EventUpcasters ledger = EventUpcasters.ledger();
        for (var type : EventTypes.all()) {
            assertThat(ledger.currentRevision(type))
                    .as(EventTypes.name(type))
                    .isEqualTo(Integer.parseInt(EventTypes.revision(type)));
            assertThat(ledger.type(EventTypes.name(type))).contains(type);
        }
    }

    @Test
    void readsRevisionOneTargetsAsTheDatesTheyWrite() {
        EventUpcasters ledger = EventUpcasters.ledger();

        assertThat(ledger.upcast(
                        "CommitmentAgreed",
                        1,
                        object("target", object("quarter", "2024-Q1"), "occurredOn", "2024-01-16")))
                .containsEntry("target", "2024-Q1")
                .containsEntry("occurredOn", "2024-01-16");
        assertThat(ledger.upcast(
                        "TargetAmended",
                        1,
                        object(
                                "previousTarget",
                                object("date", "2024-12-31"),
                                "newTarget",
                                object("quarter", "2025-Q2"))))
                .containsEntry("previousTarget", "2024-12-31")
                .containsEntry("newTarget", "2025-Q2");
        assertThat(ledger.upcast("CommitmentAgreed", 2, object("target", "2024")))
                .containsEntry("target", "2024");
    }

    @Test
    void refusesARevisionOneTargetOfAnotherShapeRatherThanGuess() {
        assertThatThrownBy(() -> EventUpcasters.ledger()
                        .upcast(
                                "CommitmentAgreed",
                                1,
                                object("target", object("date", "2024-12-31", "quarter", "2024-Q4"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a revision-1 target is");
        assertThatThrownBy(() -> EventUpcasters.ledger().upcast("CommitmentAgreed", 1, object("target", "2024-12-31")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upcastsTheOldestRevisionThroughEveryStepInOrder() {
        Map<String, @Nullable Object> upcast =
                threeRevisions.upcast("ProgressReported", 1, object("comment", "Workshop held", "actor", "JP/METI"));

        assertThat(upcast).isEqualTo(object("actor", "JP/METI", "note", "Workshop held"));
    }

    @Test
    void upcastsAMiddleRevisionThroughTheRemainingStepsOnly() {
        assertThat(threeRevisions.upcast("ProgressReported", 2, object("text", "Workshop held")))
                .isEqualTo(object("note", "Workshop held"));
    }

    @Test
    void upcastJsonReadsIntoTheCurrentRecord() {
        String revision1 = """
                {"commitmentId": "c-1", "comment": "Workshop held", "evidence": null,
                 "actor": "JP/METI", "occurredOn": "2024-03-28"}""";
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> json = JSON.readValue(revision1, Map.class);

        ProgressReported event =
                JSON.convertValue(threeRevisions.upcast("ProgressReported", 1, json), ProgressReported.class);

        assertThat(event.note()).isEqualTo("Workshop held");
        assertThat(event.commitmentId().value()).isEqualTo("c-1");
    }

    @Test
    void leavesTheCurrentRevisionAlone() {
        Map<String, @Nullable Object> current = object("note", "Workshop held");

        assertThat(threeRevisions.upcast("ProgressReported", 3, current)).isSameAs(current);
    }

    @Test
    void passesTypesItDoesNotKnowThrough() {
        Map<String, @Nullable Object> json = object("whatever", "is here");

        assertThat(threeRevisions.upcast("SomethingNew", 4, json)).isSameAs(json);
        assertThat(threeRevisions.currentRevision("SomethingNew")).isEmpty();
        assertThat(threeRevisions.type("SomethingNew")).isEmpty();
    }

    @Test
    void refusesARevisionNewerThanItKnows() {
        assertThatThrownBy(() -> threeRevisions.upcast("ProgressReported", 4, object("note", "?")))
                .isInstanceOfSatisfying(RevisionNotYetKnown.class, refused -> {
                    assertThat(refused.eventName()).isEqualTo("ProgressReported");
                    assertThat(refused.revision()).isEqualTo(4);
                    assertThat(refused.newestKnown()).isEqualTo(3);
                })
                .hasMessageContaining("newer");
    }

    @Test
    void refusesRevisionsBelowOne() {
        assertThatThrownBy(() -> threeRevisions.upcast("ProgressReported", 0, object("note", "?")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverChangesTheCallersJson() {
        Map<String, @Nullable Object> nested = object("comment", "Workshop held");
        Map<String, @Nullable Object> json = object("inner", nested, "comment", "Workshop held");
        Upcaster touchingNested = new Upcaster(CommitmentWithdrawn.class, 1, upcast -> {
            @SuppressWarnings("unchecked")
            Map<String, @Nullable Object> inner = (Map<String, @Nullable Object>) upcast.get("inner");
            inner.clear();
            upcast.clear();
            return upcast;
        });

        EventUpcasters.ledger().with(touchingNested).upcast("CommitmentWithdrawn", 1, json);

        assertThat(json).isEqualTo(object("inner", object("comment", "Workshop held"), "comment", "Workshop held"));
    }

    @Test
    void onlyAcceptsAnUpcasterThatContinuesItsTypesChain() {
        assertThatThrownBy(() -> EventUpcasters.ledger().with(TEXT_TO_NOTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("current revision 1");
        assertThatThrownBy(() -> threeRevisions.with(COMMENT_TO_TEXT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExtraRevisionLeavesTheRegistryItExtendsAsItWas() {
        EventUpcasters ledger = EventUpcasters.ledger();

        ledger.with(COMMENT_TO_TEXT);

        assertThat(ledger.currentRevision(ProgressReported.class)).isEqualTo(1);
        assertThat(threeRevisions.currentRevision(ProgressReported.class)).isEqualTo(3);
    }

    private static Map<String, @Nullable Object> object(Object... keysAndValues) {
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
