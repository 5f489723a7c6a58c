package io.commitmentsledger.projection.revisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.events.AgreementDateCorrected;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.events.TargetAmended;
import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import io.commitmentsledger.contracts.upcasting.RevisionNotYetKnown;
import io.commitmentsledger.contracts.upcasting.Upcaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
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

    /** The ledger's own revisions, as api-contracts ships them. */
    private final EventPayloads ledger = new EventPayloads(EventUpcasters.ledger(), JSON);

    private static final String AGREED = """
            {"commitmentId":"c-1","partnershipId":"jp-uk-digital-partnership","area":"semiconductors",
             "title":"Workshop","description":null,
             "parties":[{"country":"JP","agencies":["METI"]},{"country":"GB","agencies":["DSIT"]}],
             "target":%s,"source":{"title":"Outcome document","url":null,"section":null},
             "actor":"JP/METI","occurredOn":"%s"}""";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1 | {\"quarter\":\"2024-Q1\"} | 2024-01-16 | 2024-Q1",
                "1 | {\"date\":\"2024-12-31\"}  | 2024-01-16 | 2024-12-31",
                "2 | \"2024-Q1\"                  | 2024-01-16 | 2024-Q1",
                "2 | \"2025\"                     | 2022       | 2025",
                "2 | null                           | 2022       | ",
            })
    void readsBothRevisionsOfAnAgreementAsRevision2(int revision, String target, String agreedOn, String expected) {
        CurrentEvent read = ledger.read("CommitmentAgreed", revision, AGREED.formatted(target, agreedOn))
                .orElseThrow();

        assertThat(read.revision()).isEqualTo(2);
        CommitmentAgreed agreed = (CommitmentAgreed) read.event();
        assertThat(agreed.target() == null ? null : agreed.target().toString()).isEqualTo(expected);
        assertThat(agreed.occurredOn()).hasToString(agreedOn);
        JsonNode payload = JSON.readTree(read.payload());
        assertThat(payload.get("target").isNull() ? null : payload.get("target").asString())
                .as("the payload kept is revision 2's")
                .isEqualTo(expected);
    }

    @Test
    void readsBothRevisionsOfATargetAmendmentAsRevision2() {
        String revision1 = """
                {"commitmentId":"c-1","previousTarget":{"quarter":"2024-Q1"},"newTarget":{"date":"2024-06-30"},
                 "reason":"Speakers unavailable","actor":"JP/METI","occurredOn":"2024-02-20"}""";
        String revision2 = """
                {"commitmentId":"c-1","previousTarget":"2024-Q1","newTarget":"2024-06-30",
                 "reason":"Speakers unavailable","actor":"JP/METI","occurredOn":"2024-02-20"}""";
        String withdrawn = """
                {"commitmentId":"c-1","previousTarget":"2024-12-31","newTarget":null,
                 "reason":"The source gives no date","actor":"JP/METI","occurredOn":"2026-11-27"}""";

        CurrentEvent fromRevision1 = ledger.read("TargetAmended", 1, revision1).orElseThrow();
        CurrentEvent fromRevision2 = ledger.read("TargetAmended", 2, revision2).orElseThrow();
        TargetAmended withdrawal = (TargetAmended)
                ledger.read("TargetAmended", 2, withdrawn).orElseThrow().event();

        assertThat(fromRevision1.revision()).isEqualTo(2);
        assertThat(fromRevision1.event()).isEqualTo(fromRevision2.event());
        assertThat(((TargetAmended) fromRevision1.event()).newTarget()).isEqualTo(PartialDate.parse("2024-06-30"));
        assertThat(withdrawal.previousTarget()).isEqualTo(PartialDate.parse("2024-12-31"));
        assertThat(withdrawal.newTarget()).isNull();
    }

    @Test
    void readsAnAgreementDateCorrection() {
        AgreementDateCorrected corrected = (AgreementDateCorrected)
                ledger.read("AgreementDateCorrected", 1, """
                        {"commitmentId":"c-1","previousAgreedOn":"2022-12-31","agreedOn":"2022",
                         "reason":"The source gives only the year","actor":"JP/METI","occurredOn":"2026-11-27"}""").orElseThrow().event();

        assertThat(corrected.agreedOn().precision()).isEqualTo(PartialDate.Precision.YEAR);
        assertThat(corrected.date()).hasToString("2026-11-27");
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
