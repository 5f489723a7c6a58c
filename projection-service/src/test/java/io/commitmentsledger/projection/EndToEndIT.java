package io.commitmentsledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.projection.support.AuthorizationServerProcess;
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
 *
 * <p>commitments-service runs in its own process and trusts the real authorization server, also in its own process:
 * each command carries a client-credentials token of the agency it acts for, the history is read with the auditor's,
 * and the other party's agency, an agency its party does not name, the auditor and no token at all are refused and
 * record nothing. projection-service, in this JVM, trusts the test JVM's issuer as every test context here does.
 */
@ProjectionIntegrationTest
class EndToEndIT {

    private static AuthorizationServerProcess authorization;
    private static CommitmentsServiceProcess ledger;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startLedger(@Autowired EmbeddedKafkaBroker broker) {
        authorization = AuthorizationServerProcess.start("e2e-authorization");
        ledger = CommitmentsServiceProcess.start(
                broker.getBrokersAsString(), "e2e-ledger", authorization.serviceArguments());
    }

    @AfterAll
    static void stopLedger() {
        if (ledger != null) {
            ledger.close();
        }
        if (authorization != null) {
            authorization.close();
        }
    }

    @Test
    void showsEveryRecordedEventOfACommitmentInItsTimelineAsSoonAsTheWriterAsksForIt() {
        Http commands = new Http(ledger.port()).withAuthorization(authorization.bearer("auditor"));
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
            // each command as the agency it acts for, with its token from the authorization server
            Response response =
                    commands.withAuthorization(authorization.bearer(step[2])).post(step[0], step[1]);
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

    @Test
    void refusesWhoMayNotActOnACommitmentWithTheAuthorizationServersTokensAndRecordsNothing() {
        Http commands = new Http(ledger.port());
        String id = "e2e-" + ProcessHandle.current().pid() + "-refusals";
        String base = "/api/v1/commitments/" + id;
        Response agreed = commands.withAuthorization(authorization.bearer("JP/METI"))
                .post("/api/v1/commitments", """
                        {"commitmentId": "%s", "partnershipId": "jp-uk-digital-partnership",
                         "area": "semiconductors", "title": "Semiconductor supply chain dialogue",
                         "parties": [{"country": "JP", "agencies": ["METI"]}, {"country": "GB", "agencies": ["DSIT"]}],
                         "target": {"quarter": "2024-Q2"}, "agreedOn": "2024-01-16",
                         "source": {"title": "Japan-UK Digital Partnership outcome document"}}""".formatted(id));
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(201);
        String confirmJapan = "{\"confirmedOn\": \"2024-01-16\", \"actingAgency\": \"JP/METI\"}";

        // the other party's agency confirming for Japan; an agency Japan's party does not name; an auditor writing
        assertRefused(
                commands.withAuthorization(authorization.bearer("GB/DSIT")).post(base + "/confirmations", confirmJapan),
                "actor-is-the-caller");
        assertRefused(
                commands.withAuthorization(authorization.bearer("JP/MIC"))
                        .post(base + "/confirmations", "{\"confirmedOn\": \"2024-01-16\"}"),
                "acting-agency-acts-for-a-party");
        assertRefused(
                commands.withAuthorization(authorization.bearer("auditor")).post(base + "/confirmations", confirmJapan),
                "commands-need-an-agency");
        assertUnauthorized(commands.anonymous().post(base + "/confirmations", confirmJapan));
        // a token of an issuer it does not trust: this JVM's test issuer
        assertUnauthorized(
                commands.withAuthorization(TestIssuer.agency("JP/METI")).post(base + "/confirmations", confirmJapan));

        Response history =
                commands.withAuthorization(authorization.bearer("auditor")).get(base + "/events");
        assertThat(history.json().get("version").asLong())
                .as("nothing recorded after the agreement")
                .isZero();
        // and the projection shows the agreement alone
        Response visible = new Http(port).get(base + "?minVersion=0&wait=20s");
        assertThat(visible.status()).as(visible.body()).isEqualTo(200);
        assertThat(visible.json().get("version").asLong()).isZero();
    }

    private static void assertRefused(Response response, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("rule").asString()).isEqualTo(rule);
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.wwwAuthenticate()).startsWith("Bearer");
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
