package io.commitmentsledger.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.security.testing.TestIssuer;
import io.commitmentsledger.web.problems.RawHttp;
import io.commitmentsledger.web.problems.RawHttp.Response;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code Accept} and {@code Content-Type} headers Spring cannot use, sent byte for byte over a socket to the commands,
 * the history and the actuator: an {@code Accept} that is no list of media types is a 400 problem before any command
 * runs, and a wildcard {@code Content-Type} on a request without a body changes nothing.
 */
@LedgerIntegrationTest
class MediaTypeHeadersIT {

    private static final String PROBLEMS = "https://commitments-ledger.dev/problems/";
    private static final String HTTP_PROTOCOL = PROBLEMS + "http-protocol";

    /** More media types than Spring sorts (50): valid HTTP, but a list Spring refuses to negotiate with. */
    private static final String FIFTY_ONE_TYPES =
            IntStream.range(0, 51).mapToObj(i -> "application/x-" + i).collect(Collectors.joining(", "));

    @LocalServerPort
    int port;

    RawHttp http;

    @BeforeEach
    void connect() {
        // An agency's token (it may read and send commands): these tests are about what reaches the controllers, past
        // the security filters.
        http = new RawHttp(port).withHeaders("Authorization: " + TestIssuer.agency("JP/METI"));
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"garbage", "application/json;q=nonsense", "application/json;q=2", "text/", "*/json"})
    void refusesAnAcceptHeaderThatIsNoListOfMediaTypesAsProblem(String accept) {
        assertProblem(
                http.send("GET /api/v1/commitments/nope/events HTTP/1.1", "Accept: " + accept), 400, HTTP_PROTOCOL);
        assertProblem(http.send("GET /api/v1/events/1 HTTP/1.1", "Accept: " + accept), 400, HTTP_PROTOCOL);
        assertProblem(http.send("GET /actuator/health HTTP/1.1", "Accept: " + accept), 400, HTTP_PROTOCOL);
        assertProblem(http.send("GET /api/v1/no-such-resource HTTP/1.1", "Accept: " + accept), 400, HTTP_PROTOCOL);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"garbage", "application/json;q=nonsense"})
    void refusesACommandWithAnUnparseableAcceptHeaderBeforeItRuns(String accept) {
        String id = LedgerClient.uniqueId("unparseable-accept");

        assertProblem(agree(id, "Accept: " + accept), 400, HTTP_PROTOCOL);

        assertProblem(
                http.send("GET /api/v1/commitments/" + id + "/events HTTP/1.1"),
                404,
                PROBLEMS + "commitment-not-found");
    }

    @Test
    void refusesAnAcceptHeaderWithMoreMediaTypesThanSpringNegotiatesAsProblem() {
        String id = LedgerClient.uniqueId("many-accepted-types");

        assertProblem(agree(id, "Accept: " + FIFTY_ONE_TYPES), 400, HTTP_PROTOCOL);
    }

    @Test
    void stillNegotiatesWithAnAcceptHeaderItCanParse() {
        assertThat(agree(LedgerClient.uniqueId("json-accepted"), "Accept: application/json;q=0.5, */*;q=0.1")
                        .status())
                .isEqualTo(201);
        assertProblem(agree(LedgerClient.uniqueId("png-accepted"), "Accept: image/png"), 406, HTTP_PROTOCOL);
    }

    @Test
    void answersWhatTheContainerRefusesAsProblemWhateverTheAcceptHeader() {
        assertProblem(http.send("TRACE /api/v1/commitments HTTP/1.1", "Accept: garbage"), 405, HTTP_PROTOCOL);
        assertProblem(
                http.send("GET /api/v1/commitments/a%2Fb/events HTTP/1.1", "Accept: garbage"), 400, HTTP_PROTOCOL);
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"*/*", "application/*", "*/*;charset=UTF-8", "garbage"})
    void ignoresTheContentTypeOfARequestWithoutABody(String contentType) {
        Response health = http.send("GET /actuator/health HTTP/1.1", "Content-Type: " + contentType);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");

        assertProblem(
                http.send("GET /api/v1/commitments/nope/events HTTP/1.1", "Content-Type: " + contentType),
                404,
                PROBLEMS + "commitment-not-found");
        assertProblem(
                http.send("GET /api/v1/no-such-resource HTTP/1.1", "Content-Type: " + contentType), 404, HTTP_PROTOCOL);
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"*/*", "application/*", "*/*;charset=UTF-8"})
    void refusesACommandWhoseContentTypeIsAWildcardAsUnsupported(String contentType) {
        String id = LedgerClient.uniqueId("wildcard-content-type");
        String body = LedgerClient.agreeBody(id);

        Response response = http.sendWithBody(
                "POST /api/v1/commitments HTTP/1.1",
                body,
                "Content-Type: " + contentType,
                "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);

        assertProblem(response, 415, HTTP_PROTOCOL);
    }

    private Response agree(String id, String acceptLine) {
        String body = LedgerClient.agreeBody(id);
        return http.sendWithBody(
                "POST /api/v1/commitments HTTP/1.1",
                body,
                "Content-Type: application/json",
                "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length,
                acceptLine);
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"*/*", "application/*", "garbage"})
    void refusesABodyWhoseContentTypeNamesNoMediaTypeAsUnsupported(String contentType) {
        Response response = http.sendWithBody(
                "GET /actuator/health HTTP/1.1", "{}", "Content-Type: " + contentType, "Content-Length: 2");

        assertProblem(response, 415, HTTP_PROTOCOL);
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Tomcat", "Exception", "\tat ", "org.apache", "java.", "garbage");
    }
}
