package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.DSIT;
import static io.commitmentsledger.projection.support.LedgerTopic.METI;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.contracts.events.AgreementDateCorrected;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.TargetAmended;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's schema evolution on the real topic: CommitmentAgreed and TargetAmended records of revision 1 (targets
 * {@code {"date": ...}} or {@code {"quarter": ...}}, always set) and of revision 2 (targets as precise as the source,
 * or none; agreement dates of a year), and AgreementDateCorrected, each signed by the ledger as it was published. The
 * live consumer applies them all; a rebuild from the topic then gives the same answers: target, deadline, overdue,
 * agreedOn, the list's overdue filter and the partnership's counts.
 */
@ProjectionIntegrationTest
class DateRevisionsIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Instant RECORDED_AT = Instant.parse("2024-01-16T09:00:00Z");

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    /** What the API must answer for one commitment. */
    private record Expected(
            @Nullable String target, @Nullable String deadline, boolean overdue, String agreedOn, long version) {}

    @Test
    void appliesRecordsOfBothRevisionsLiveAndGivesTheSameAnswersAfterARebuild() {
        Http http = new Http(port);
        String partnership = "date-revisions-" + ProcessHandle.current().pid();
        Map<CommitmentId, Expected> expected = new LinkedHashMap<>();
        CommitmentId workshop;
        CommitmentId withdrawn;
        CommitmentId corrected;
        try (LedgerTopic topic = new LedgerTopic(brokers)) {
            // Revision 1, a quarter: open, its quarter long past, so overdue; its workshop's window passed unheld.
            CommitmentId quarter = newId("rev1-quarter");
            workshop = quarter;
            publishRevision1Agreement(topic, quarter, partnership, "{\"quarter\": \"2024-Q1\"}");
            topic.publish(
                    new WorkshopScheduled(
                            quarter,
                            new WorkshopId("semiconductor-workshop-2024-q1"),
                            "Semiconductor workshop",
                            new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)),
                            WorkshopFormat.IN_PERSON,
                            "London",
                            null,
                            DSIT,
                            LocalDate.of(2024, 1, 25)),
                    1);
            expected.put(quarter, new Expected("2024-Q1", "2024-03-31", true, "2024-01-16", 1));

            // Revision 1 throughout: an invented day moved far ahead by a revision-1 amendment.
            CommitmentId moved = newId("rev1-moved");
            publishRevision1Agreement(topic, moved, partnership, "{\"date\": \"2024-12-31\"}");
            publish(topic, moved, 1, "TargetAmended", "1", """
                    {"commitmentId": "%s", "previousTarget": {"date": "2024-12-31"},
                     "newTarget": {"date": "2099-06-30"}, "reason": "Extended at the review",
                     "actor": "JP/METI", "occurredOn": "2024-06-01"}""".formatted(moved));
            expected.put(moved, new Expected("2099-06-30", "2099-06-30", false, "2024-01-16", 1));

            // Revision 1's invented target, withdrawn by revision 2: no date set, so no longer overdue.
            withdrawn = newId("rev1-withdrawn");
            publishRevision1Agreement(topic, withdrawn, partnership, "{\"date\": \"2024-12-31\"}");
            topic.publish(
                    new TargetAmended(
                            withdrawn,
                            PartialDate.parse("2024-12-31"),
                            null,
                            "The source gives no date",
                            METI,
                            LocalDate.of(2026, 11, 27)),
                    1);
            expected.put(withdrawn, new Expected(null, null, false, "2024-01-16", 1));

            // Revision 2: no target at all, agreed in a year.
            CommitmentId noTarget = newId("rev2-no-target");
            topic.publish(agreement(noTarget, partnership, null, "2022"), 0, RECORDED_AT);
            expected.put(noTarget, new Expected(null, null, false, "2022", 0));

            // Revision 2: a year target long past, an invented agreement day corrected to its year.
            corrected = newId("rev2-corrected");
            topic.publish(agreement(corrected, partnership, "2024", "2022-12-31"), 0, RECORDED_AT);
            topic.publish(
                    new AgreementDateCorrected(
                            corrected,
                            PartialDate.parse("2022-12-31"),
                            PartialDate.parse("2022"),
                            "The source gives only the year",
                            METI,
                            LocalDate.of(2026, 11, 27)),
                    1);
            expected.put(corrected, new Expected("2024", "2024-12-31", true, "2022", 1));

            // Revision 2: no target, then one set (a past year), agreed in a month.
            CommitmentId set = newId("rev2-set");
            topic.publish(agreement(set, partnership, null, "2023-05"), 0, RECORDED_AT);
            topic.publish(
                    new TargetAmended(
                            set, null, PartialDate.parse("2023"), "Set at the review", METI, LocalDate.of(2023, 9, 1)),
                    1);
            expected.put(set, new Expected("2023", "2023-12-31", true, "2023-05", 1));

            // Revision 2: a quarter far ahead.
            CommitmentId ahead = newId("rev2-ahead");
            topic.publish(agreement(ahead, partnership, "2099-Q4", "2024-01-16"), 0, RECORDED_AT);
            expected.put(ahead, new Expected("2099-Q4", "2099-12-31", false, "2024-01-16", 0));
        }
        expected.forEach((id, answer) -> http.awaitVersion(id, answer.version()));

        Map<String, String> live = answers(http, partnership, expected);

        JsonNode passed = http.get("/api/v1/commitments/" + workshop).json().at("/workshops/0");
        assertThat(passed.get("state").asString()).isEqualTo("WINDOW_PASSED");
        assertThat(passed.propertyNames())
                .as("only the record's components")
                .containsExactlyInAnyOrder(
                        "workshopId",
                        "title",
                        "start",
                        "end",
                        "format",
                        "location",
                        "host",
                        "state",
                        "heldOn",
                        "outcome");
        assertThat(timelineLine(http, withdrawn, 1))
                .isEqualTo("Target withdrawn by JP/METI (was 2024-12-31), no date set: The source gives no date");
        assertThat(timelineLine(http, corrected, 1))
                .isEqualTo(
                        "Agreement date corrected from 2022-12-31 to 2022 by JP/METI: The source gives only the year");
        JsonNode agreementEntry = http.get("/api/v1/commitments/" + corrected + "/timeline")
                .json()
                .at("/entries/0");
        assertThat(agreementEntry.get("occurredOn").asString()).isEqualTo("2022-12-31");

        assertThat(http.post("/api/v1/admin/rebuilds").status()).isEqualTo(202);
        await().atMost(WITHIN)
                .until(() -> "DONE"
                        .equals(http.get("/api/v1/admin/rebuilds/current")
                                .json()
                                .get("state")
                                .asString()));

        assertThat(answers(http, partnership, expected)).isEqualTo(live);
    }

    /**
     * Checks each commitment's target, deadline, overdue and agreedOn against {@code expected}, and the list's overdue
     * filter and the partnership's counts against them; answers every body read, for comparison after a rebuild.
     */
    private static Map<String, String> answers(Http http, String partnership, Map<CommitmentId, Expected> expected) {
        Map<String, String> answers = new LinkedHashMap<>();
        TreeSet<String> overdue = new TreeSet<>();
        TreeSet<String> onTime = new TreeSet<>();
        expected.forEach((id, answer) -> {
            Http.Response response = http.get("/api/v1/commitments/" + id);
            JsonNode commitment = response.json();
            assertThat(text(commitment.get("target"))).as(id + " target").isEqualTo(answer.target());
            assertThat(text(commitment.get("deadline"))).as(id + " deadline").isEqualTo(answer.deadline());
            assertThat(commitment.get("overdue").asBoolean())
                    .as(id + " overdue")
                    .isEqualTo(answer.overdue());
            assertThat(commitment.get("agreedOn").asString())
                    .as(id + " agreedOn")
                    .isEqualTo(answer.agreedOn());
            (answer.overdue() ? overdue : onTime).add(id.value());
            answers.put(id.value(), response.body());
            answers.put(id + " timeline", timeline(http, id));
        });
        String list = "/api/v1/commitments?size=100&partnership=" + partnership;
        assertThat(ids(http.get(list + "&overdue=true").json())).isEqualTo(new ArrayList<>(overdue));
        assertThat(ids(http.get(list + "&overdue=false").json())).isEqualTo(new ArrayList<>(onTime));
        JsonNode overview =
                http.get("/api/v1/partnerships/" + partnership + "/overview").json();
        assertThat(overview.get("commitments").asLong()).isEqualTo(expected.size());
        assertThat(overview.get("overdue").asLong()).isEqualTo(overdue.size());
        answers.put("list", http.get(list).body());
        answers.put("overview", overview.toString());
        return answers;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("commitmentId").asString()));
        return ids;
    }

    private static String timeline(Http http, CommitmentId id) {
        List<String> lines = new ArrayList<>();
        for (JsonNode entry :
                http.get("/api/v1/commitments/" + id + "/timeline").json().get("entries")) {
            lines.add(entry.get("sequence") + " " + entry.get("kind").asString() + " " + entry.get("occurredOn") + " "
                    + entry.get("summary").asString());
        }
        return String.join("\n", lines);
    }

    private static String timelineLine(Http http, CommitmentId id, int sequence) {
        return http.get("/api/v1/commitments/" + id + "/timeline")
                .json()
                .at("/entries/" + sequence + "/summary")
                .asString();
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static CommitmentAgreed agreement(
            CommitmentId id, String partnership, @Nullable String target, String agreedOn) {
        CommitmentAgreed base = agreed(id, partnership, "semiconductors", "Commitment " + id, null);
        return new CommitmentAgreed(
                base.commitmentId(),
                base.partnershipId(),
                base.area(),
                base.title(),
                base.description(),
                base.parties(),
                target == null ? null : PartialDate.parse(target),
                base.source(),
                base.actor(),
                PartialDate.parse(agreedOn));
    }

    /** CommitmentAgreed as revision 1 wrote it: a target object, always set; agreed on 16 January 2024. */
    private static void publishRevision1Agreement(
            LedgerTopic topic, CommitmentId id, String partnership, String target) {
        publish(topic, id, 0, EventTypes.name(CommitmentAgreed.class), "1", """
                {"commitmentId": "%s", "partnershipId": "%s", "area": "semiconductors",
                 "title": "Commitment %s", "description": "Joint action under the Japan-UK Digital Partnership",
                 "parties": [{"country": "JP", "agencies": ["METI"]}, {"country": "GB", "agencies": ["DSIT"]}],
                 "target": %s,
                 "source": {"title": "Japan-UK Digital Partnership outcome document",
                            "url": "https://www.meti.go.jp/english/press/2024/0116_002.html", "section": "2"},
                 "actor": "JP/METI", "occurredOn": "2024-01-16"}""".formatted(id, partnership, id, target));
    }

    /** A record the ledger signed at {@code revision}, with exactly this JSON: its leaf covers these bytes. */
    private static void publish(
            LedgerTopic topic, CommitmentId id, long sequence, String name, String revision, String json) {
        topic.send(LedgerTopic.recorded(
                id.value(),
                sequence,
                name,
                revision,
                json.getBytes(StandardCharsets.UTF_8),
                RECORDED_AT.plusSeconds(sequence),
                UUID.randomUUID().toString()));
    }
}
