package io.commitmentsledger.ledger.commitment.web;

import static io.commitmentsledger.ledger.support.LedgerClient.agreeBody;
import static io.commitmentsledger.ledger.support.LedgerClient.confirmBody;
import static io.commitmentsledger.ledger.support.LedgerClient.progressBody;
import static io.commitmentsledger.ledger.support.ProblemAssertions.assertProblem;
import static io.commitmentsledger.ledger.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every way a command's HTTP request can be refused, each answered with a problem before anything is recorded. */
@LedgerIntegrationTest
class CommandInputIT {

    /** The documented limit of a request body. */
    private static final int BODY_LIMIT = 64 * 1024;

    @LocalServerPort
    int port;

    LedgerClient client;

    @BeforeEach
    void connect() {
        client = new LedgerClient(port);
    }

    private static String progressReports(String id) {
        return "/api/v1/commitments/" + id + "/progress-reports";
    }

    @Nested
    class Text {

        @Test
        void refusesControlCharactersInEveryOneLineFieldOfAnAgreement() {
            String id = LedgerClient.uniqueId("control");
            String body = agreeBody(id)
                    .replace("Industry-academia-government", "NUL\\u0000inside")
                    .replace("Japan-UK Digital Partnership outcome", "Outcome\\u001b[31m")
                    .replace("\"2(2)\"", "\"2(2)\\u0085\"")
                    .replace("Explore further", "Explore\\nfurther");

            Response response = client.post("/api/v1/commitments", body);

            assertProblem(response, 400, "invalid-request");
            assertThat(fieldsNamed(response)).containsExactlyInAnyOrder("title", "source.title", "source.section");
            assertThat(client.eventCount(id)).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\\u0000", "\\u007f", "\\u009b", "\\ud800", "\\uffff", "\\u000b"})
        void refusesControlCharactersAndNonCharactersInProse(String escaped) {
            String id = client.agreeNew("prose");

            Response response = client.post(progressReports(id), progressBody("before" + escaped + "after"));

            assertProblem(response, 400, "invalid-request");
            assertThat(fieldsNamed(response)).containsExactly("note");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void refusesALineBreakInAWorkshopsLocation() {
            String id = client.agreeNew("location");

            Response response = client.post("/api/v1/commitments/" + id + "/workshops", """
                    {"workshopId": "w1", "title": "Workshop", "when": {"quarter": "2024-Q1"}, "format": "ONLINE",
                     "location": "London\\nTokyo", "host": "JP", "scheduledOn": "2024-01-16",
                     "actingAgency": "JP/METI"}""");

            assertProblem(response, 400, "invalid-request");
            assertThat(fieldsNamed(response)).containsExactly("location");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void keepsLineBreaksAndTabsInProse() {
            String id = client.agreeNew("line-breaks");

            Response response =
                    client.post(progressReports(id), progressBody("Agenda:\\n\\t1. chips\\r\\n\\t2. people"));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(client.get("/api/v1/commitments/" + id + "/events")
                            .json()
                            .get("events")
                            .get(1)
                            .get("payload")
                            .get("note")
                            .asString())
                    .isEqualTo("Agenda:\n\t1. chips\r\n\t2. people");
        }
    }

    @Nested
    class JsonTypes {

        @ParameterizedTest
        @ValueSource(strings = {"true", "1e400", "42", "-0.5"})
        void refusesATextFieldThatIsNotAJsonString(String value) {
            String id = client.agreeNew("note-type");

            Response response =
                    client.post(progressReports(id), progressBody("x").replace("\"x\"", value));

            assertProblem(response, 400, "malformed-request");
            assertThat(fieldsNamed(response)).containsExactly("note");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void refusesAnIdThatIsNotAJsonString() {
            String body = agreeBody("x").replace("\"commitmentId\": \"x\"", "\"commitmentId\": false");

            Response response = client.post("/api/v1/commitments", body);

            assertProblem(response, 400, "malformed-request");
            assertThat(fieldsNamed(response)).containsExactly("commitmentId");
            assertThat(client.eventCount("false")).isZero();
        }

        @Test
        void refusesAListGivenAsASingleString() {
            String id = LedgerClient.uniqueId("single-agency");
            String body = agreeBody(id).replace("\"agencies\": [\"METI\"]", "\"agencies\": \"METI\"");

            Response response = client.post("/api/v1/commitments", body);

            assertProblem(response, 400, "malformed-request");
            assertThat(client.eventCount(id)).isZero();
        }

        @Test
        void refusesADuplicateKey() {
            String id = client.agreeNew("duplicate-key");
            String body = confirmBody("JP/METI").replace("}", ", \"actingAgency\": \"GB/DSIT\"}");

            Response response = client.post("/api/v1/commitments/" + id + "/confirmations", body);

            assertProblem(response, 400, "malformed-request");
            assertThat(response.json().get("detail").asString()).contains("actingAgency");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }
    }

    @Nested
    class BodySize {

        private String progressBodyOfSize(int bytes) {
            String body = progressBody("padded");
            return body.replace("{", "{" + " ".repeat(bytes - body.length()));
        }

        @Test
        void refusesABodyOverTheLimitByItsContentLength() {
            String id = client.agreeNew("too-large");

            Response response = client.post(progressReports(id), progressBodyOfSize(BODY_LIMIT + 1));

            assertProblem(response, 413, "request-too-large");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void refusesAChunkedBodyThatGrowsOverTheLimit() {
            String id = client.agreeNew("too-large-chunked");
            byte[] body = progressBodyOfSize(4 * BODY_LIMIT).getBytes(StandardCharsets.UTF_8);

            Response response = client.send(HttpRequest.newBuilder(client.uri(progressReports(id)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build());

            assertProblem(response, 413, "request-too-large");
            assertThat(client.eventCount(id)).isEqualTo(1);
        }

        @Test
        void acceptsABodyOfExactlyTheLimit() {
            String id = client.agreeNew("at-limit");

            Response response = client.post(progressReports(id), progressBodyOfSize(BODY_LIMIT));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(client.eventCount(id)).isEqualTo(2);
        }
    }
}
