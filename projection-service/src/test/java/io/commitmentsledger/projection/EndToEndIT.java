package io.commitmentsledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.projection.support.CommitmentsServiceProcess;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.Http.Response;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import io.commitmentsledger.security.testing.TestIssuer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/**
 * Both services running, as users meet them: commands to commitments-service, which publishes through the real
 * broker, and projection-service answering with what it applied. The timeline must match the recorded history event
 * for event.
 */
@ProjectionIntegrationTest
class EndToEndIT {

    private static CommitmentsServiceProcess ledger;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startLedger(@Autowired EmbeddedKafkaBroker broker) {
        ledger = CommitmentsServiceProcess.start(broker.getBrokersAsString(), "e2e-ledger");
    }

    @AfterAll
    static void stopLedger() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void showsEveryRecordedEventOfACommitmentInItsTimelineAsSoonAsTheWriterAsksForIt() {
        Http commands = new Http(ledger.port());
        Http queries = new Http(port);
        String id = "e2e-" + ProcessHandle.current().pid() + "-semiconductor-workshop";
        String base = "/api/v1/commitments/" + id;
        List<String[]> steps = List.of(
                new String[] {"/api/v1/commitments", """
                        {"commitmentId": "%s", "partnershipId": "jp-uk-digital-partnership",
                         "area": "semiconductors", "title": "Industry-academia-government semiconductor workshop",
                         "parties": [{"country": "JP", "agencies": ["METI"]}, {"country": "GB", "agencies": ["DSIT"]}],
                         "target": {"quarter": "2024-Q1"}, "agreedOn": "2024-01-16",
                         "source": {"title": "Japan-UK Digital Partnership outcome document"},
                         "actingAgency": "JP/METI"}""".formatted(id), "JP/METI"},
                new String[] {
                    base + "/confirmations",
                    "{\"confirmedOn\": \"2024-01-16\", \"actingAgency\": \"JP/METI\"}",
                    "JP/METI"
                },
                new String[] {
                    base + "/confirmations",
                    "{\"confirmedOn\": \"2024-01-16\", \"actingAgency\": \"GB/DSIT\"}",
                    "GB/DSIT"
                },
                new String[] {base + "/workshops", """
                        {"workshopId": "semiconductor-workshop-2024-q1", "title": "Semiconductor workshop",
                         "when": {"quarter": "2024-Q1"}, "format": "IN_PERSON", "host": "GB",
                         "scheduledOn": "2024-01-16", "actingAgency": "GB/DSIT"}""", "GB/DSIT"});
        long version = -1;
        for (String[] step : steps) {
            // each command as the agency it acts for; the reads below as an auditor
            Response response =
                    commands.withAuthorization(TestIssuer.agency(step[2])).post(step[0], step[1]);
            assertThat(response.status()).as(response.body()).isBetween(200, 201);
            version = response.json().get("version").asLong();

            // read-your-writes: the version the command answered, waited for rather than polled
            Response visible = queries.get(base + "?minVersion=" + version + "&wait=20s");
            assertThat(visible.status()).as(visible.body()).isEqualTo(200);
            assertThat(visible.json().get("version").asLong()).isEqualTo(version);
        }

        JsonNode recorded = commands.get(base + "/events").json().get("events");
        JsonNode timeline = queries.get(base + "/timeline").json().get("entries");
        assertThat(timeline.size()).isEqualTo(recorded.size()).isEqualTo((int) version + 1);
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(timeline.get(i).get("eventId").asString())
                    .isEqualTo(recorded.get(i).get("eventId").asString());
            assertThat(timeline.get(i).get("globalPosition").asLong())
                    .isEqualTo(recorded.get(i).get("globalPosition").asLong());
            assertThat(timeline.get(i).get("kind").asString())
                    .isEqualTo(recorded.get(i).get("type").asString());
            assertThat(timeline.get(i).get("recordedAt").asString())
                    .isEqualTo(recorded.get(i).get("recordedAt").asString());
            assertThat(timeline.get(i).get("summary").asString()).isNotBlank();
        }
        assertThat(queries.get(base).json().get("status").asString()).isEqualTo("CONFIRMED");
    }
}
