package io.commitmentsledger.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.security.testing.TestIssuer;
import io.commitmentsledger.web.problems.RawHttp;
import io.commitmentsledger.web.problems.RawHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Requests the servlet container refuses before Spring MVC sees them, sent byte for byte over a socket: each answer is
 * still RFC 9457 problem+json with a stable type, an honest status, and nothing about the server's internals.
 */
@LedgerIntegrationTest
class ContainerErrorsIT {

    private static final String HTTP_PROTOCOL = "https://commitments-ledger.dev/problems/http-protocol";
    private static final String EVENTS = "/api/v1/commitments/%s/events";

    @LocalServerPort
    int port;

    RawHttp http;

    @BeforeEach
    void connect() {
        // An agency's token (it may read and send commands): these tests are about what reaches the controllers, past
        // the security filters.
        http = new RawHttp(port).withHeaders("Authorization: " + TestIssuer.agency("JP/METI"));
    }

    @Test
    void refusesAnEncodedSlashInThePathAsProblem() {
        assertProblem(http.send("GET " + EVENTS.formatted("a%2Fb") + " HTTP/1.1"), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesAnEncodedNulInThePathAsProblem() {
        assertProblem(http.send("GET " + EVENTS.formatted("%00") + " HTTP/1.1"), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesAnEncodedByteThatIsNotUtf8AsProblem() {
        assertProblem(http.send("GET /api/v1/commitments/%FF HTTP/1.1"), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesARawNonAsciiByteInThePathAsProblem() {
        assertProblem(http.send("GET " + EVENTS.formatted("caf\u00C3") + " HTTP/1.1"), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesARequestLineOver8KbAsProblem() {
        assertProblem(http.send("GET " + EVENTS.formatted("a".repeat(9 * 1024)) + " HTTP/1.1"), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesAHeaderOver8KbAsProblem() {
        assertProblem(
                http.send("GET /api/v1/events/1 HTTP/1.1", "X-Filler: " + "a".repeat(9 * 1024)), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesAnIdempotencyKeyOver10KbAsProblem() {
        Response response = http.sendWithBody(
                "POST /api/v1/commitments HTTP/1.1",
                "{}",
                "Content-Type: application/json",
                "Content-Length: 2",
                "Idempotency-Key: " + "k".repeat(10 * 1024 + 1));

        assertProblem(response, 400, HTTP_PROTOCOL);
    }

    @Test
    void answersConnectWithNotImplementedAsProblem() {
        assertProblem(http.send("CONNECT localhost:" + port + " HTTP/1.1"), 501, HTTP_PROTOCOL);
    }

    @Test
    void answersTraceWithMethodNotAllowedAsProblem() {
        assertProblem(http.send("TRACE /api/v1/commitments HTTP/1.1"), 405, HTTP_PROTOCOL);
    }

    @Test
    void refusesABodySentWithBothChunkedEncodingAndAContentLengthAsProblem() {
        // Tomcat frames the body by Transfer-Encoding, as RFC 9112 says, so the Content-Length-framed body is a broken
        // chunk; the application never sees it.
        Response response = http.sendWithBody(
                "POST /api/v1/commitments HTTP/1.1",
                "{}",
                "Content-Type: application/json",
                "Transfer-Encoding: chunked",
                "Content-Length: 2");

        assertProblem(response, 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesASecondContentLengthAsProblem() {
        assertProblem(
                http.send("GET /api/v1/events/1 HTTP/1.1", "Content-Length: 0", "Content-Length: 1"),
                400,
                HTTP_PROTOCOL);
    }

    @Test
    void answersAnUnsupportedHttpVersionAsProblem() {
        assertProblem(http.send("GET /api/v1/events/1 HTTP/2.0"), 505, HTTP_PROTOCOL);
    }

    @Test
    void answersProblemsToClientsThatAskForHtml() {
        assertProblem(http.send("TRACE /api/v1/events/1 HTTP/1.1", "Accept: text/html"), 405, HTTP_PROTOCOL);
        assertProblem(
                http.send("GET /api/v1/commitments/a%2Fb/events HTTP/1.1", "Accept: text/html"), 400, HTTP_PROTOCOL);
    }

    @Test
    void answersADirectRequestForTheErrorPathAsAnUnknownPath() {
        assertProblem(http.send("GET /error HTTP/1.1"), 404, HTTP_PROTOCOL);
    }

    @Test
    void keepsUnknownPathsAndWrongMethodsAsProblems() {
        assertProblem(http.send("GET /api/v1/no-such-resource HTTP/1.1"), 404, HTTP_PROTOCOL);
        assertProblem(http.send("DELETE " + EVENTS.formatted("any") + " HTTP/1.1"), 405, HTTP_PROTOCOL);
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.header("Server")).isNull();
        assertThat(response.body()).doesNotContain("Tomcat", "Exception", "\tat ", "org.apache", "java.");
    }
}
