package io.commitmentsledger.ledger.commitment.web;

import static io.commitmentsledger.ledger.support.LedgerClient.agreeBody;
import static io.commitmentsledger.ledger.support.LedgerClient.completionBody;
import static io.commitmentsledger.ledger.support.LedgerClient.confirmBody;
import static io.commitmentsledger.ledger.support.LedgerClient.progressBody;
import static io.commitmentsledger.ledger.support.ProblemAssertions.assertProblem;
import static io.commitmentsledger.ledger.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@LedgerIntegrationTest
class CommitmentApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LedgerClient client;

    @BeforeEach
    void connect() {
        client = new LedgerClient(port);
    }

    private static String commitments(String id, String rest) {
        return "/api/v1/commitments/" + id + rest;
    }

    @Test
    void recordsACommitmentsWholeLifeAndServesItsHistory() {
        String id = LedgerClient.uniqueId("journey");

        Response agreed = client.post("/api/v1/commitments", agreeBody(id));
        assertThat(agreed.status()).isEqualTo(201);
        assertThat(agreed.header("Location")).isEqualTo(commitments(id, "/events"));
        assertThat(agreed.header("ETag")).isEqualTo("\"0\"");

        assertThat(client.post(commitments(id, "/confirmations"), confirmBody("JP/METI"))
                        .header("ETag"))
                .isEqualTo("\"1\"");
        assertThat(client.post(commitments(id, "/confirmations"), confirmBody("GB/DSIT"))
                        .header("ETag"))
                .isEqualTo("\"2\"");
        Response scheduled = client.post(commitments(id, "/workshops"), """
                {"workshopId": "semiconductor-workshop", "title": "Semiconductor workshop",
                 "when": {"quarter": "2024-Q1"}, "format": "IN_PERSON", "location": "London", "host": "GB",
                 "scheduledOn": "2024-01-16", "actingAgency": "GB/DSIT"}""");
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        assertThat(client.post(commitments(id, "/completions"), completionBody("JP/METI"))
                        .header("ETag"))
                .isEqualTo("\"4\"");
        Response completed = client.post(commitments(id, "/completions"), completionBody("GB/DSIT"));
        assertThat(completed.header("ETag")).isEqualTo("\"6\"");
        assertThat(completed.json().get("recorded").asBoolean()).isTrue();

        Response history = client.get(commitments(id, "/events"));
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.header("ETag")).isEqualTo("\"6\"");
        JsonNode events = history.json().get("events");
        List<String> types = new ArrayList<>();
        long previousPosition = -1;
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            types.add(event.get("type").asString());
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
            assertThat(event.get("globalPosition").asLong()).isGreaterThan(previousPosition);
            previousPosition = event.get("globalPosition").asLong();
            assertThat(event.get("revision").asString())
                    .as("the current revision of %s", event.get("type"))
                    .isEqualTo(i == 0 ? "2" : "1");
            assertThat(event.get("recordedAt").asString()).isNotBlank();
            assertThat(event.get("payload").get("commitmentId").asString()).isEqualTo(id);
        }
        assertThat(types)
                .containsExactly(
                        "CommitmentAgreed",
                        "CommitmentConfirmed",
                        "CommitmentConfirmed",
                        "WorkshopScheduled",
                        "CommitmentMarkedComplete",
                        "CommitmentMarkedComplete",
                        "CommitmentCompleted");
        assertThat(events.get(2).get("actor").asString()).isEqualTo("GB/DSIT");
        assertThat(events.get(2).get("occurredOn").asString()).isEqualTo("2024-01-16");
        assertThat(events.get(3).get("payload").get("window").get("end").asString())
                .isEqualTo("2024-03-31");
    }

    @Test
    void servesOneRecordedEventByItsGlobalPosition() {
        String id = client.agreeNew("by-position");
        JsonNode recorded =
                client.get(commitments(id, "/events")).json().get("events").get(0);

        Response event =
                client.get("/api/v1/events/" + recorded.get("globalPosition").asLong());

        assertThat(event.status()).isEqualTo(200);
        assertThat(event.json()).isEqualTo(recorded);
        assertProblem(client.get("/api/v1/events/999999999"), 404, "event-not-found");
    }

    @Test
    void makesAnIdFromTheTitleWhenTheClientChoosesNone() {
        Response agreed = client.post("/api/v1/commitments", agreeBody("x").replace("\"commitmentId\": \"x\",", ""));
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(201);
        String id = agreed.json().get("commitmentId").asString();
        assertThat(id).matches("industry-academia-government-semiconductor-workshop-[0-9a-f]{6}");
        assertThat(client.get(commitments(id, "/events")).status()).isEqualTo(200);
    }

    @Test
    void answersARepeatedConfirmationWithTheSameVersionAndRecordsNothing() {
        String id = client.agreeNew("repeat");
        client.post(commitments(id, "/confirmations"), confirmBody("GB/DSIT"));

        Response repeated = client.post(commitments(id, "/confirmations"), confirmBody("GB/DSIT"));

        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.header("ETag")).isEqualTo("\"1\"");
        assertThat(repeated.json().get("recorded").asBoolean()).isFalse();
        assertThat(client.eventCount(id)).isEqualTo(2);
    }

    @Test
    void answersARetryOfTheCommandsThatClosedACommitmentWithTheSameVersionAndRecordsNothing() {
        String id = client.agreeNew("closed-retry");
        client.post(commitments(id, "/confirmations"), confirmBody("JP/METI"));
        client.post(commitments(id, "/confirmations"), confirmBody("GB/DSIT"));
        client.post(commitments(id, "/completions"), completionBody("JP/METI"));
        Response closing = client.post(commitments(id, "/completions"), completionBody("GB/DSIT"));
        assertThat(closing.header("ETag")).isEqualTo("\"5\"");

        Response retriedCompletion = client.post(commitments(id, "/completions"), completionBody("GB/DSIT"));
        Response repeatedConfirmation = client.post(commitments(id, "/confirmations"), confirmBody("JP/METI"));
        Response somethingNew = client.post(commitments(id, "/progress-reports"), progressBody("after the end"));

        for (Response repeat : List.of(retriedCompletion, repeatedConfirmation)) {
            assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
            assertThat(repeat.header("ETag")).isEqualTo("\"5\"");
            assertThat(repeat.json().get("recorded").asBoolean()).isFalse();
        }
        assertProblem(somethingNew, 409, "rule-violation");
        assertThat(somethingNew.json().get("rule").asString()).isEqualTo("closed-commitments-do-not-change");
        assertThat(client.eventCount(id)).isEqualTo(6);
    }

    @Nested
    class BadInput {

        @Test
        void listsEveryInvalidFieldAndRecordsNothing() {
            String id = LedgerClient.uniqueId("invalid");
            Response response = client.post("/api/v1/commitments", """
                    {"commitmentId": "%s", "partnershipId": "JP UK", "area": "semiconductors", "title": " ",
                     "parties": [{"country": "JP", "agencies": ["METI"]}, {"country": "XX", "agencies": ["dsit"]}],
                     "target": {"date": "2024-02-30"}, "agreedOn": "2999-01-01",
                     "source": {"title": "Outcome", "url": "ftp://example"}, "actingAgency": "JP-METI"}""".formatted(id));

            assertProblem(response, 400, "invalid-request");
            assertThat(fieldsNamed(response))
                    .containsExactlyInAnyOrder(
                            "partnershipId",
                            "title",
                            "parties[1].country",
                            "parties[1].agencies[0]",
                            "target.date",
                            "agreedOn",
                            "source.url",
                            "actingAgency");
            assertThat(client.eventCount(id)).isZero();
        }

        @Test
        void rejectsABilateralCommitmentWithoutTwoDistinctParties() {
            Response response = client.post(
                    "/api/v1/commitments",
                    agreeBody(LedgerClient.uniqueId("one-party"))
                            .replace(
                                    "{\"country\": \"GB\", \"agencies\": [\"DSIT\"]}",
                                    "{\"country\": \"JP\", \"agencies\": [\"MIC\"]}"));

            assertProblem(response, 400, "invalid-request");
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("parties");
        }

        @Test
        void rejectsAWindowEndingBeforeItStarts() {
            String id = client.agreeNew("window");
            Response response = client.post(commitments(id, "/workshops"), """
                    {"workshopId": "w1", "title": "Workshop", "when": {"start": "2024-03-10", "end": "2024-03-01"},
                     "format": "ONLINE", "host": "JP", "scheduledOn": "2024-01-16", "actingAgency": "JP/METI"}""");

            assertProblem(response, 400, "invalid-request");
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("when");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void rejectsJsonThatCannotBeParsed() {
            Response response = client.post("/api/v1/commitments", "{\"commitmentId\": ");

            assertProblem(response, 400, "malformed-request");
        }

        @Test
        void rejectsAnUnknownPropertyNamingIt() {
            String id = client.agreeNew("unknown-property");
            Response response = client.post(
                    commitments(id, "/confirmations"), confirmBody("GB/DSIT").replace("}", ", \"confirmedBy\": 1}"));

            assertProblem(response, 400, "malformed-request");
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("confirmedBy");
            assertThat(response.body()).doesNotContain("io.commitmentsledger");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void rejectsADateInTheFuture() {
            String id = client.agreeNew("future");
            Response response = client.post(
                    commitments(id, "/confirmations"),
                    "{\"confirmedOn\": \"2999-12-31\", \"actingAgency\": \"GB/DSIT\"}");

            assertProblem(response, 400, "invalid-request");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void rejectsAnInvalidIdInThePath() {
            assertProblem(
                    client.post(commitments("Not_A_Slug", "/confirmations"), confirmBody("GB/DSIT")),
                    400,
                    "invalid-request");
        }

        @Test
        void rejectsAMalformedIfMatch() {
            String id = client.agreeNew("if-match-format");
            Response response = client.post(commitments(id, "/confirmations"), confirmBody("GB/DSIT"), "If-Match", "0");

            assertProblem(response, 400, "invalid-header");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void answersUnsupportedMethodsAndMediaTypesWithProblems() {
            String id = client.agreeNew("protocol");
            Response wrongType = client.send(HttpRequest.newBuilder(client.uri(commitments(id, "/confirmations")))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("confirm"))
                    .build());
            Response wrongMethod = client.send(HttpRequest.newBuilder(client.uri(commitments(id, "/confirmations")))
                    .DELETE()
                    .build());

            assertProblem(wrongType, 415, "http-protocol");
            assertProblem(wrongMethod, 405, "http-protocol");
        }
    }

    @Nested
    class UnknownThings {

        @Test
        void answers404ForACommitmentNeverAgreed() {
            String id = LedgerClient.uniqueId("never-agreed");

            assertProblem(
                    client.post(commitments(id, "/confirmations"), confirmBody("GB/DSIT")),
                    404,
                    "commitment-not-found");
            assertProblem(client.get(commitments(id, "/events")), 404, "commitment-not-found");
        }

        @Test
        void answers404ForAnUnknownWorkshop() {
            String id = client.agreeNew("no-workshop");
            Response response = client.post(
                    commitments(id, "/workshops/none/cancellation"),
                    "{\"reason\": \"x\", \"cancelledOn\": \"2024-02-01\", \"actingAgency\": \"JP/METI\"}");

            assertProblem(response, 404, "workshop-not-found");
        }
    }

    @Nested
    class RuleViolations {

        @Test
        void nameTheRuleAndTheCurrentStateAndRecordNothing() {
            String id = client.agreeNew("rule");
            client.post(commitments(id, "/confirmations"), confirmBody("JP/METI"));

            Response response = client.post(commitments(id, "/completions"), completionBody("JP/METI"));

            assertProblem(response, 409, "rule-violation");
            JsonNode problem = response.json();
            assertThat(problem.get("rule").asString()).isEqualTo("completion-requires-both-confirmations");
            assertThat(problem.get("commitmentStatus").asString()).isEqualTo("AGREED");
            assertThat(problem.get("version").asLong()).isEqualTo(1);
            assertThat(client.eventCount(id)).isEqualTo(2);
        }

        @Test
        void refuseAnAgencyThatDoesNotActForAParty() {
            String id = client.agreeNew("agency");

            Response response = client.post(commitments(id, "/confirmations"), confirmBody("JP/MIC"));

            assertProblem(response, 403, "forbidden");
            assertThat(response.json().get("rule").asString()).isEqualTo("acting-agency-acts-for-a-party");
            assertThat(response.json().has("commitmentStatus"))
                    .as("nothing of its state")
                    .isFalse();
        }

        @Test
        void refuseToAgreeTheSameCommitmentTwice() {
            String id = client.agreeNew("twice");

            assertProblem(client.post("/api/v1/commitments", agreeBody(id)), 409, "commitment-exists");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }
    }

    @Nested
    class ConditionalCommands {

        @Test
        void applyWhenIfMatchNamesTheCurrentVersion() {
            String id = client.agreeNew("if-match");

            Response response =
                    client.post(commitments(id, "/confirmations"), confirmBody("GB/DSIT"), "If-Match", "\"0\"");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("ETag")).isEqualTo("\"1\"");
        }

        @Test
        void answer412AndRecordNothingWhenIfMatchIsStale() {
            String id = client.agreeNew("stale");
            client.post(commitments(id, "/confirmations"), confirmBody("GB/DSIT"));

            Response response =
                    client.post(commitments(id, "/progress-reports"), progressBody("late"), "If-Match", "\"0\"");

            assertProblem(response, 412, "version-mismatch");
            assertThat(response.header("ETag")).isEqualTo("\"1\"");
            assertThat(response.json().get("currentVersion").asLong()).isEqualTo(1);
            assertThat(client.eventCount(id)).isEqualTo(2);
        }

        @Test
        void answer412AndRecordNothingForAWeakEntityTag() {
            String id = client.agreeNew("weak-tag");

            Response response =
                    client.post(commitments(id, "/progress-reports"), progressBody("weak"), "If-Match", "W/\"0\"");

            assertProblem(response, 412, "version-mismatch");
            assertThat(response.header("ETag")).isEqualTo("\"0\"");
            assertThat(response.json().get("currentVersion").asLong()).isEqualTo(0);
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void applyWhenAnyTagOfAListNamesTheCurrentVersion() {
            String id = client.agreeNew("tag-list");
            client.post(commitments(id, "/confirmations"), confirmBody("GB/DSIT"));

            Response response = client.post(
                    commitments(id, "/progress-reports"), progressBody("listed"), "If-Match", "\"0\", \"1\"");

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.header("ETag")).isEqualTo("\"2\"");
        }

        @Test
        void answer412WhenOnlyAWeakTagOfAListNamesTheCurrentVersion() {
            String id = client.agreeNew("weak-in-list");
            client.post(commitments(id, "/confirmations"), confirmBody("GB/DSIT"));

            Response response = client.post(
                    commitments(id, "/progress-reports"), progressBody("listed"), "If-Match", "\"0\", W/\"1\"");

            assertProblem(response, 412, "version-mismatch");
            assertThat(client.eventCount(id)).isEqualTo(2);
        }
    }

    @Nested
    class Idempotency {

        @Test
        void replaysTheFirstResponseToARetryAndRecordsOnce() {
            String id = client.agreeNew("retry");
            String key = "key-" + id;

            Response first =
                    client.post(commitments(id, "/progress-reports"), progressBody("drafted"), "Idempotency-Key", key);
            Response retry =
                    client.post(commitments(id, "/progress-reports"), progressBody("drafted"), "Idempotency-Key", key);

            assertThat(first.status()).isEqualTo(200);
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(client.eventCount(id)).isEqualTo(2);
        }

        @Test
        void keepsTheRecordDurablyInPostgres() {
            String id = client.agreeNew("durable");
            String key = "key-" + id;

            client.post(commitments(id, "/progress-reports"), progressBody("drafted"), "Idempotency-Key", key);

            Long version = jdbc.sql("SELECT version FROM idempotency_record WHERE idempotency_key = ?")
                    .param(key)
                    .query(Long.class)
                    .single();
            assertThat(version).isEqualTo(1L);
        }

        @Test
        void answers422WhenAKeyComesBackWithADifferentBody() {
            String id = client.agreeNew("reuse");
            String key = "key-" + id;
            client.post(commitments(id, "/progress-reports"), progressBody("drafted"), "Idempotency-Key", key);

            Response reused = client.post(
                    commitments(id, "/progress-reports"), progressBody("something else"), "Idempotency-Key", key);

            assertProblem(reused, 422, "idempotency-key-reused");
            assertThat(client.eventCount(id)).isEqualTo(2);
        }

        @Test
        void returnsTheSameServerChosenIdWhenAnAgreementIsRetried() {
            String body = agreeBody("x").replace("\"commitmentId\": \"x\",", "");
            String key = LedgerClient.uniqueId("agree-key");

            Response first = client.post("/api/v1/commitments", body, "Idempotency-Key", key);
            Response retry = client.post("/api/v1/commitments", body, "Idempotency-Key", key);

            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(retry.json().get("commitmentId").asString())
                    .isEqualTo(first.json().get("commitmentId").asString());
        }

        @Test
        void doesNotKeepTheKeyOfARejectedCommand() {
            String id = client.agreeNew("rejected-key");
            String key = "key-" + id;

            Response rejected =
                    client.post(commitments(id, "/completions"), completionBody("JP/METI"), "Idempotency-Key", key);

            assertProblem(rejected, 409, "rule-violation");
            assertThat(keptRecords(key)).isZero();
        }

        @Test
        void refusesAnUnacceptableResponseTypeBeforeRunningTheCommandOrKeepingTheKey() {
            String id = client.agreeNew("accept-xml");
            String key = "key-" + id;

            Response refused = client.post(
                    commitments(id, "/progress-reports"),
                    progressBody("drafted"),
                    "Accept",
                    "application/xml",
                    "Idempotency-Key",
                    key);

            assertProblem(refused, 406, "http-protocol");
            assertThat(client.eventCount(id)).isEqualTo(1);
            assertThat(keptRecords(key)).isZero();

            Response retry =
                    client.post(commitments(id, "/progress-reports"), progressBody("drafted"), "Idempotency-Key", key);

            assertThat(retry.status()).as(retry.body()).isEqualTo(200);
            assertThat(retry.header("Idempotent-Replayed")).isNull();
            assertThat(client.eventCount(id)).isEqualTo(2);
        }

        private long keptRecords(String key) {
            return jdbc.sql("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?")
                    .param(key)
                    .query(Long.class)
                    .single();
        }
    }
}
