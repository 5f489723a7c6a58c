package io.commitmentsledger.projection.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import io.commitmentsledger.security.testing.TestIssuer;
import io.commitmentsledger.web.problems.RawHttp;
import io.commitmentsledger.web.problems.RawHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Requests the servlet container refuses before Spring MVC sees them, sent byte for byte over a socket, to the query
 * API and to the pages alike: each answer is still RFC 9457 problem+json with a stable type, an honest status, and
 * nothing about the server's internals.
 */
@ProjectionIntegrationTest
class ContainerErrorsIT {

    private static final String HTTP_PROTOCOL = "https://commitments-ledger.dev/problems/http-protocol";

    @LocalServerPort
    int port;

    RawHttp http;

    @BeforeEach
    void connect() {
        http = new RawHttp(port);
    }

    @Test
    void refusesAnEncodedSlashInThePathAsProblem() {
        assertProblem(http.send("GET /api/v1/commitments/a%2Fb/timeline HTTP/1.1"), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesAnEncodedNulInThePathAsProblem() {
        assertProblem(http.send("GET /api/v1/commitments/%00/timeline HTTP/1.1"), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesAnEncodedByteThatIsNotUtf8AsProblem() {
        assertProblem(http.send("GET /api/v1/commitments/%FF HTTP/1.1"), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesARawNonAsciiByteInAPagesPathAsProblem() {
        assertProblem(http.send("GET /commitments/caf\u00C3 HTTP/1.1"), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesARequestLineOver8KbAsProblem() {
        assertProblem(
                http.send("GET /api/v1/commitments?partnershipId=" + "a".repeat(9 * 1024) + " HTTP/1.1"),
                400,
                HTTP_PROTOCOL);
    }

    @Test
    void refusesAHeaderOver8KbAsProblem() {
        assertProblem(
                http.send("GET /api/v1/commitments HTTP/1.1", "X-Filler: " + "a".repeat(9 * 1024)), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesAnIdempotencyKeyOver10KbAsProblem() {
        assertProblem(
                http.send("GET /api/v1/commitments HTTP/1.1", "Idempotency-Key: " + "k".repeat(10 * 1024 + 1)),
                400,
                HTTP_PROTOCOL);
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
    void refusesConflictingBodyFramingAsProblem() {
        assertProblem(
                http.send("GET /api/v1/commitments HTTP/1.1", "Content-Length: 0", "Content-Length: 1"),
                400,
                HTTP_PROTOCOL);
        assertProblem(
                http.sendWithBody(
                        "GET /api/v1/commitments HTTP/1.1",
                        "0\r\n\r\n",
                        "Transfer-Encoding: chunked, chunked",
                        "Content-Length: 5"),
                400,
                HTTP_PROTOCOL);
    }

    @Test
    void answersAnUnsupportedHttpVersionAsProblem() {
        assertProblem(http.send("GET /api/v1/commitments HTTP/2.0"), 505, HTTP_PROTOCOL);
    }

    @Test
    void answersADirectRequestForTheErrorPathAsAnUnknownPath() {
        assertProblem(http.send("GET /error HTTP/1.1"), 404, HTTP_PROTOCOL);
    }

    @Test
    void answersProblemsToBrowsersToo() {
        String browser = "Accept: text/html,application/xhtml+xml,*/*;q=0.8";
        assertProblem(http.send("TRACE /commitments/any HTTP/1.1", browser), 405, HTTP_PROTOCOL);
        assertProblem(http.send("GET /commitments/a%2Fb HTTP/1.1", browser), 400, HTTP_PROTOCOL);
    }

    @Test
    void keepsUnknownPathsAndWrongMethodsAsProblems() {
        // with a token: without one, anything under /api/ is 401 (AccessIT)
        String auditor = "Authorization: " + TestIssuer.auditor();
        assertProblem(http.send("GET /api/v1/no-such-resource HTTP/1.1", auditor), 404, HTTP_PROTOCOL);
        assertProblem(http.send("DELETE /api/v1/commitments HTTP/1.1", auditor), 405, HTTP_PROTOCOL);
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
