package io.commitmentsledger.ledger.commitment.web;

import static io.commitmentsledger.ledger.support.LedgerClient.agreeBody;
import static io.commitmentsledger.ledger.support.LedgerClient.completionBody;
import static io.commitmentsledger.ledger.support.LedgerClient.confirmBody;
import static io.commitmentsledger.ledger.support.ProblemAssertions.assertProblem;
import static io.commitmentsledger.ledger.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.security.testing.TestIssuer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Dates as precise as the source (targets and agreement dates as a year, quarter, month or day; no target at all),
 * the older target form older clients still send, withdrawing a target, correcting an agreement date, and the names
 * registry an agreement is checked against (issue 13).
 */
@LedgerIntegrationTest
class DatesAndNamesApiIT {

    private static final String AGREEMENT_TARGET = "\"target\": {\"quarter\": \"2024-Q1\"}";

    @LocalServerPort
    int port;

    LedgerClient client;

    @BeforeEach
    void connect() {
        client = new LedgerClient(port);
    }

    private static String commitments(String id, String rest) {
        return "/api/v1/commitments/" + id + rest;
    }

    /** The agreement body of the seed story with another target (JSON text, or null for none) and agreement date. */
    private static String agreement(String id, String target, String agreedOn) {
        String body = agreeBody(id).replace("\"agreedOn\": \"2024-01-16\"", "\"agreedOn\": \"" + agreedOn + "\"");
        return target == null
                ? body.replace(AGREEMENT_TARGET + ", ", "")
                : body.replace(AGREEMENT_TARGET, "\"target\": " + target);
    }

    private JsonNode recorded(String id, int sequence) {
        return client.get(commitments(id, "/events")).json().get("events").get(sequence);
    }

    private JsonNode payload(String id, int sequence) {
        return recorded(id, sequence).get("payload");
    }

    @Nested
    class Targets {

        @Test
        void takeADateAsPreciseAsTheSourceAndRecordItsText() {
            for (String target : List.of("2024", "2024-Q1", "2024-03", "2024-12-31")) {
                String id = LedgerClient.uniqueId("target-text");
                Response agreed = client.post("/api/v1/commitments", agreement(id, "\"" + target + "\"", "2024-01-16"));

                assertThat(agreed.status()).as(agreed.body()).isEqualTo(201);
                JsonNode event = recorded(id, 0);
                assertThat(event.get("revision").asString()).isEqualTo("2");
                assertThat(event.get("payload").get("target").asString()).isEqualTo(target);
            }
        }

        @Test
        void takeTheOlderObjectFormAndRecordTheSameText() {
            String quarter = LedgerClient.uniqueId("target-quarter");
            String day = LedgerClient.uniqueId("target-day");
            client.post("/api/v1/commitments", agreement(quarter, "{\"quarter\": \"2024-Q1\"}", "2024-01-16"));
            client.post("/api/v1/commitments", agreement(day, "{\"date\": \"2024-12-31\"}", "2024-01-16"));

            assertThat(payload(quarter, 0).get("target").asString()).isEqualTo("2024-Q1");
            assertThat(payload(day, 0).get("target").asString()).isEqualTo("2024-12-31");
        }

        @Test
        void areOptionalWhenTheSourceSetsNoDate() {
            String absent = LedgerClient.uniqueId("no-target");
            String nullTarget = LedgerClient.uniqueId("null-target");

            assertThat(client.post("/api/v1/commitments", agreement(absent, null, "2024-01-16"))
                            .status())
                    .isEqualTo(201);
            assertThat(client.post("/api/v1/commitments", agreement(nullTarget, "null", "2024-01-16"))
                            .status())
                    .isEqualTo(201);
            assertThat(payload(absent, 0).get("target").isNull()).isTrue();
            assertThat(payload(nullTarget, 0).get("target").isNull()).isTrue();
        }

        @Test
        void refuseWhatIsNeitherFormNamingTheFieldAndRecordNothing() {
            List<String> refused = new ArrayList<>();
            for (String target : List.of(
                    "\"2024-Q5\"",
                    "\"Q1 2024\"",
                    "\"2024-02-30\"",
                    "42",
                    "[\"2024\"]",
                    "{\"quarter\": \"2024-Q1\", \"date\": \"2024-03-31\"}",
                    "{}",
                    "{\"year\": \"2024\"}",
                    "{\"date\": 20240331}",
                    "{\"date\": \"-0001-01-01\"}",
                    "{\"date\": \"3000-01-01\"}",
                    "\"1899\"")) {
                String id = LedgerClient.uniqueId("bad-target");
                Response response = client.post("/api/v1/commitments", agreement(id, target, "2024-01-16"));

                assertProblem(response, 400, "invalid-request");
                assertThat(fieldsNamed(response))
                        .as(target)
                        .singleElement()
                        .asString()
                        .startsWith("target");
                assertThat(client.eventCount(id)).isZero();
                refused.add(target);
            }
            assertThat(refused).hasSize(12);
        }
    }

    @Nested
    class AgreementDates {

        @Test
        void takeTheYearTheSourceGives() {
            String id = LedgerClient.uniqueId("agreed-2022");
            Response agreed = client.post("/api/v1/commitments", agreement(id, null, "2022"));

            assertThat(agreed.status()).as(agreed.body()).isEqualTo(201);
            JsonNode event = recorded(id, 0);
            assertThat(event.get("occurredOn").asString()).isEqualTo("2022");
            assertThat(event.get("payload").get("occurredOn").asString()).isEqualTo("2022");
            Response confirmed = client.post(
                    commitments(id, "/confirmations"),
                    "{\"confirmedOn\": \"2022-01-01\", \"actingAgency\": \"GB/DSIT\"}");
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        }

        @Test
        void refuseAFactBeforeTheFirstDayOfTheAgreementsYear() {
            String id = LedgerClient.uniqueId("before-2022");
            client.post("/api/v1/commitments", agreement(id, null, "2022"));

            Response response = client.post(
                    commitments(id, "/confirmations"),
                    "{\"confirmedOn\": \"2021-12-31\", \"actingAgency\": \"GB/DSIT\"}");

            assertProblem(response, 409, "rule-violation");
            assertThat(response.json().get("rule").asString()).isEqualTo("facts-follow-the-agreement");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void refuseAnAgreementDateThatIsNotADateOrHasNotBegun() {
            for (String agreedOn : List.of("2022-Q0", "22", "2999", "2024-13")) {
                String id = LedgerClient.uniqueId("bad-agreed-on");
                Response response = client.post("/api/v1/commitments", agreement(id, null, agreedOn));

                assertProblem(response, 400, "invalid-request");
                assertThat(fieldsNamed(response)).as(agreedOn).containsExactly("agreedOn");
                assertThat(client.eventCount(id)).isZero();
            }
        }
    }

    @Nested
    class TargetAmendments {

        @Test
        void withdrawTheTargetWithAReasonOnTodayWhenNoDayIsGiven() {
            String id = client.agreeNew("withdraw-target");
            LocalDate before = LocalDate.now(ZoneOffset.UTC);

            Response amended = client.post(commitments(id, "/amendments"), """
                    {"reason": "The source gives no date", "actingAgency": "JP/METI"}""");

            assertThat(amended.status()).as(amended.body()).isEqualTo(200);
            assertThat(amended.header("ETag")).isEqualTo("\"1\"");
            JsonNode event = recorded(id, 1);
            assertThat(event.get("type").asString()).isEqualTo("TargetAmended");
            assertThat(event.get("revision").asString()).isEqualTo("2");
            assertThat(event.get("payload").get("previousTarget").asString()).isEqualTo("2024-Q1");
            assertThat(event.get("payload").get("newTarget").isNull()).isTrue();
            assertThat(LocalDate.parse(event.get("occurredOn").asString()))
                    .isBetween(before, LocalDate.now(ZoneOffset.UTC));
        }

        @Test
        void setATargetInEitherFormWhereThereWasNone() {
            String id = LedgerClient.uniqueId("set-target");
            client.post("/api/v1/commitments", agreement(id, null, "2024-01-16"));

            Response set = client.post(commitments(id, "/amendments"), """
                    {"target": {"quarter": "2025-Q2"}, "reason": "Ministers set a quarter",
                     "amendedOn": "2024-06-30", "actingAgency": "GB/DSIT"}""");
            Response moved = client.post(commitments(id, "/amendments"), """
                    {"target": "2025", "reason": "Moved to the year", "actingAgency": "GB/DSIT"}""");

            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(payload(id, 1).get("previousTarget").isNull()).isTrue();
            assertThat(payload(id, 1).get("newTarget").asString()).isEqualTo("2025-Q2");
            assertThat(payload(id, 1).get("occurredOn").asString()).isEqualTo("2024-06-30");
            assertThat(payload(id, 2).get("previousTarget").asString()).isEqualTo("2025-Q2");
            assertThat(payload(id, 2).get("newTarget").asString()).isEqualTo("2025");
        }

        @Test
        void refuseWithdrawingATargetThatIsNotSet() {
            String id = LedgerClient.uniqueId("no-target-to-withdraw");
            client.post("/api/v1/commitments", agreement(id, null, "2024-01-16"));

            Response response = client.post(commitments(id, "/amendments"), """
                    {"target": null, "reason": "The source gives no date", "actingAgency": "JP/METI"}""");

            assertProblem(response, 409, "rule-violation");
            assertThat(response.json().get("rule").asString()).isEqualTo("amendment-changes-the-target");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void stillNeedAReason() {
            String id = client.agreeNew("amend-no-reason");

            Response response = client.post(commitments(id, "/amendments"), "{\"actingAgency\": \"JP/METI\"}");

            assertProblem(response, 400, "invalid-request");
            assertThat(fieldsNamed(response)).containsExactly("reason");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }
    }

    @Nested
    class AgreementDateCorrections {

        private static final String CORRECTION = """
                {"agreedOn": "2024", "reason": "The source gives only the year", "correctedOn": "2024-02-01",
                 "actingAgency": "GB/DSIT"}""";

        @Test
        void recordTheCorrectedDateWithThePreviousOneAndAnswerTheNewVersion() {
            String id = client.agreeNew("correct-date");

            Response corrected = client.post(commitments(id, "/agreement-date-corrections"), CORRECTION);

            assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
            assertThat(corrected.header("ETag")).isEqualTo("\"1\"");
            assertThat(corrected.json().get("recorded").asBoolean()).isTrue();
            JsonNode event = recorded(id, 1);
            assertThat(event.get("type").asString()).isEqualTo("AgreementDateCorrected");
            assertThat(event.get("revision").asString()).isEqualTo("1");
            assertThat(event.get("actor").asString()).isEqualTo("GB/DSIT");
            assertThat(event.get("occurredOn").asString()).isEqualTo("2024-02-01");
            JsonNode payload = event.get("payload");
            assertThat(payload.get("previousAgreedOn").asString()).isEqualTo("2024-01-16");
            assertThat(payload.get("agreedOn").asString()).isEqualTo("2024");
            assertThat(payload.get("reason").asString()).isEqualTo("The source gives only the year");
        }

        @Test
        void areMadeTodayWhenNoDayIsGiven() {
            String id = client.agreeNew("correct-today");
            LocalDate before = LocalDate.now(ZoneOffset.UTC);

            Response corrected = client.post(commitments(id, "/agreement-date-corrections"), """
                    {"agreedOn": "2024-01", "reason": "The source gives only the month"}""");

            assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
            assertThat(LocalDate.parse(recorded(id, 1).get("occurredOn").asString()))
                    .isBetween(before, LocalDate.now(ZoneOffset.UTC));
        }

        @Test
        void refuseACorrectionToTheRecordedDate() {
            String id = client.agreeNew("correct-same");

            Response response = client.post(
                    commitments(id, "/agreement-date-corrections"), CORRECTION.replace("\"2024\"", "\"2024-01-16\""));

            assertProblem(response, 409, "rule-violation");
            assertThat(response.json().get("rule").asString()).isEqualTo("correction-changes-the-agreement-date");
            assertThat(response.json().get("version").asLong()).isZero();
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void refuseACorrectionThatPutsTheAgreementAfterARecordedFact() {
            String id = client.agreeNew("correct-after-fact");
            client.post(commitments(id, "/confirmations"), confirmBody("JP/METI"));

            Response response = client.post(
                    commitments(id, "/agreement-date-corrections"), CORRECTION.replace("\"2024\"", "\"2024-02\""));

            assertProblem(response, 409, "rule-violation");
            assertThat(response.json().get("rule").asString()).isEqualTo("facts-follow-the-agreement");
            assertThat(client.eventCount(id)).isEqualTo(2);
        }

        @Test
        void refuseACorrectionOfAClosedCommitment() {
            String id = client.agreeNew("correct-closed");
            client.post(commitments(id, "/confirmations"), confirmBody("JP/METI"));
            client.post(commitments(id, "/confirmations"), confirmBody("GB/DSIT"));
            client.post(commitments(id, "/completions"), completionBody("JP/METI"));
            client.post(commitments(id, "/completions"), completionBody("GB/DSIT"));

            Response response = client.post(commitments(id, "/agreement-date-corrections"), CORRECTION);

            assertProblem(response, 409, "rule-violation");
            assertThat(response.json().get("rule").asString()).isEqualTo("closed-commitments-do-not-change");
            assertThat(client.eventCount(id)).isEqualTo(6);
        }

        @Test
        void refuseAnAgencyOfNeitherPartyBeforeAnythingElse() {
            String id = client.agreeNew("correct-forbidden");

            Response response = client.post(
                    commitments(id, "/agreement-date-corrections"),
                    CORRECTION.replace("GB/DSIT", "JP/MIC"),
                    "If-Match",
                    "\"7\"");

            assertProblem(response, 403, "forbidden");
            assertThat(response.json().get("rule").asString()).isEqualTo("acting-agency-acts-for-a-party");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void applyOnlyAtTheVersionIfMatchNames() {
            String id = client.agreeNew("correct-if-match");

            Response stale =
                    client.post(commitments(id, "/agreement-date-corrections"), CORRECTION, "If-Match", "\"3\"");
            Response current =
                    client.post(commitments(id, "/agreement-date-corrections"), CORRECTION, "If-Match", "\"0\"");

            assertProblem(stale, 412, "version-mismatch");
            assertThat(stale.header("ETag")).isEqualTo("\"0\"");
            assertThat(current.status()).as(current.body()).isEqualTo(200);
            assertThat(client.eventCount(id)).isEqualTo(2);
        }

        @Test
        void recordARetryWithTheSameIdempotencyKeyOnce() {
            String id = client.agreeNew("correct-retry");
            String key = LedgerClient.uniqueId("correction-key");

            Response first =
                    client.post(commitments(id, "/agreement-date-corrections"), CORRECTION, "Idempotency-Key", key);
            Response retry =
                    client.post(commitments(id, "/agreement-date-corrections"), CORRECTION, "Idempotency-Key", key);

            assertThat(first.status()).isEqualTo(200);
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.header("ETag")).isEqualTo("\"1\"");
            assertThat(client.eventCount(id)).isEqualTo(2);
        }

        @Test
        void refuseBadFieldsListingEachAndRecordNothing() {
            String id = client.agreeNew("correct-invalid");

            Response response = client.post(commitments(id, "/agreement-date-corrections"), """
                    {"agreedOn": "2024-Q7", "reason": " ", "correctedOn": "2999-01-01", "actingAgency": "JP/METI"}""");
            Response missing = client.post(commitments(id, "/agreement-date-corrections"), "{}");

            assertProblem(response, 400, "invalid-request");
            assertThat(fieldsNamed(response)).containsExactlyInAnyOrder("agreedOn", "reason", "correctedOn");
            assertProblem(missing, 400, "invalid-request");
            assertThat(fieldsNamed(missing)).containsExactlyInAnyOrder("agreedOn", "reason");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void answer404ForACommitmentNeverAgreed() {
            assertProblem(
                    client.post(commitments(LedgerClient.uniqueId("never"), "/agreement-date-corrections"), CORRECTION),
                    404,
                    "commitment-not-found");
        }
    }

    @Nested
    class Names {

        @Test
        void refuseAnAgreementNamingWhatTheRegistryDoesNotHoldListingEachAndRecordNothing() {
            String id = LedgerClient.uniqueId("unregistered");
            Response response = client.post(
                    "/api/v1/commitments",
                    agreeBody(id)
                            .replace("\"semiconductors\"", "\"quantum\"")
                            .replace("[\"METI\"]", "[\"METI\", \"MOFA\"]")
                            .replace(
                                    "{\"country\": \"GB\", \"agencies\": [\"DSIT\"]}",
                                    "{\"country\": \"FR\"," + " \"agencies\": [\"DGE\"]}"));

            assertProblem(response, 422, "name-not-registered");
            List<String> unregistered = new ArrayList<>();
            response.json().get("unregistered").forEach(name -> unregistered.add(name.asString()));
            assertThat(unregistered)
                    .hasSize(3)
                    .anySatisfy(name -> assertThat(name).contains("area 'quantum'"))
                    .anySatisfy(name -> assertThat(name).contains("agency 'MOFA'"))
                    .anySatisfy(name -> assertThat(name).contains("country 'FR'"));
            assertThat(client.eventCount(id)).isZero();
        }

        @Test
        void refuseAnUnregisteredPartnership() {
            String id = LedgerClient.uniqueId("unregistered-partnership");
            Response response = client.post(
                    "/api/v1/commitments", agreeBody(id).replace("jp-uk-digital-partnership", "jp-fr-partnership"));

            assertProblem(response, 422, "name-not-registered");
            assertThat(response.json().get("unregistered").get(0).asString())
                    .contains("partnership 'jp-fr-partnership'");
            assertThat(client.eventCount(id)).isZero();
        }

        @Test
        void refuseACallerOfNeitherPartyBeforeSayingWhatIsUnregistered() {
            String id = LedgerClient.uniqueId("unregistered-forbidden");
            Response response = client.post(
                    "/api/v1/commitments",
                    agreeBody(id)
                            .replace("\"semiconductors\"", "\"quantum\"")
                            .replace("\"actingAgency\": \"JP/METI\"", "\"actingAgency\": \"FR/DGE\""),
                    "Authorization",
                    TestIssuer.agency("FR/DGE"));

            assertProblem(response, 403, "forbidden");
            assertThat(response.json().get("rule").asString()).isEqualTo("acting-agency-acts-for-a-party");
            assertThat(response.body()).doesNotContain("quantum");
            assertThat(client.eventCount(id)).isZero();
        }
    }
}
