package io.commitmentsledger.projection.revisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import io.commitmentsledger.contracts.upcasting.RevisionNotYetKnown;
import io.commitmentsledger.contracts.upcasting.Upcaster;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read model's own JSON goes through the same reading as records: an event it stored at revision 1 before an
 * upgrade brought revision 2 reads as revision 2 (for as-of queries, parked events and rebuilds alike).
 */
class EventPayloadsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** In this test ProgressReported's record is revision 2; revision 1 called the note "comment". */
    private final EventPayloads payloads = new EventPayloads(
            EventUpcasters.ledger().with(new Upcaster(ProgressReported.class, 1, json -> {
                json.put("note", json.remove("comment"));
                return json;
            })),
            JSON);

    private static final String REVISION_2 = """
            {"commitmentId":"c-1","note":"Workshop held","evidence":null,"actor":"JP/METI","occurredOn":"2024-03-28"}""";

    @Test
    void readsAnEarlierRevisionAsTheCurrentOneGivesIt() {
        CurrentEvent fromRevision1 = payloads.read("ProgressReported", 1, """
                        {"commitmentId":"c-1","comment":"Workshop held","evidence":null,
                         "actor":"JP/METI","occurredOn":"2024-03-28"}""").orElseThrow();
        CurrentEvent fromRevision2 =
                payloads.read("ProgressReported", 2, REVISION_2).orElseThrow();

        assertThat(fromRevision1.revision()).isEqualTo(2);
        assertThat(fromRevision1.event()).isEqualTo(fromRevision2.event());
        assertThat(JSON.readTree(fromRevision1.payload())).isEqualTo(JSON.readTree(fromRevision2.payload()));
    }

    @Test
    void keepsTheCurrentRevisionsJsonAsItCame() {
        assertThat(payloads.read("ProgressReported", 2, REVISION_2)
                        .orElseThrow()
                        .payload())
                .isSameAs(REVISION_2);
    }

    @Test
    void knowsNoTypeItDoesNotKnow() {
        assertThat(payloads.read("SomethingNew", 1, "{}")).isEmpty();
    }

    @Test
    void refusesANewerRevision() {
        assertThatThrownBy(() -> payloads.read("ProgressReported", 3, REVISION_2))
                .isInstanceOf(RevisionNotYetKnown.class);
    }
}
