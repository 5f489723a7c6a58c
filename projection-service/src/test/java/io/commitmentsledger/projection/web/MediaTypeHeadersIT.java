package io.commitmentsledger.projection.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import io.commitmentsledger.security.testing.TestIssuer;
import io.commitmentsledger.web.problems.RawHttp;
import io.commitmentsledger.web.problems.RawHttp.Response;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code Accept} and {@code Content-Type} headers Spring cannot use, sent byte for byte over a socket to the query API,
 * the pages and the actuator: an {@code Accept} that is no list of media types is a 400 problem, whatever the path, and
 * a wildcard {@code Content-Type} on a request without a body changes nothing.
 */
@ProjectionIntegrationTest
class MediaTypeHeadersIT {

    private static final String HTTP_PROTOCOL = "https://commitments-ledger.dev/problems/http-protocol";

    /** More media types than Spring sorts (50): valid HTTP, but a list Spring refuses to negotiate with. */
    private static final String FIFTY_ONE_TYPES =
            IntStream.range(0, 51).mapToObj(i -> "application/x-" + i).collect(Collectors.joining(", "));

    @LocalServerPort
    int port;

    RawHttp http;

    @BeforeEach
    void connect() {
        http = new RawHttp(port);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"garbage", "application/json;q=nonsense", "application/json;q=2", "text/", "*/json"})
    void refusesAnAcceptHeaderThatIsNoListOfMediaTypesAsProblem(String accept) {
        assertProblem(http.send("GET /api/v1/commitments HTTP/1.1", "Accept: " + accept), 400, HTTP_PROTOCOL);
        assertProblem(http.send("GET /api/v1/commitments/nope HTTP/1.1", "Accept: " + accept), 400, HTTP_PROTOCOL);
        assertProblem(http.send("GET /commitments/nope HTTP/1.1", "Accept: " + accept), 400, HTTP_PROTOCOL);
        assertProblem(http.send("GET /actuator/health HTTP/1.1", "Accept: " + accept), 400, HTTP_PROTOCOL);
        assertProblem(http.send("GET /api/v1/no-such-resource HTTP/1.1", "Accept: " + accept), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesAnAcceptHeaderWithMoreMediaTypesThanSpringNegotiatesAsProblem() {
        assertProblem(http.send("GET /api/v1/commitments HTTP/1.1", "Accept: " + FIFTY_ONE_TYPES), 400, HTTP_PROTOCOL);
    }

    @Test
    void refusesAnUnparseableValueInAnyOfSeveralAcceptLinesAsProblem() {
        assertProblem(
                http.send("GET /api/v1/commitments HTTP/1.1", "Accept: application/json", "Accept: garbage"),
                400,
                HTTP_PROTOCOL);
    }

    @Test
    void stillNegotiatesWithAnAcceptHeaderItCanParse() {
        assertThat(http.send("GET /api/v1/commitments HTTP/1.1", "Accept: application/json;q=0.5, */*;q=0.1", auditor())
                        .status())
                .isEqualTo(200);
        assertThat(http.send("GET /api/v1/commitments HTTP/1.1", "Accept:", auditor())
                        .status())
                .isEqualTo(200);
        assertProblem(
                http.send("GET /api/v1/commitments HTTP/1.1", "Accept: image/png", auditor()), 406, HTTP_PROTOCOL);
    }

    @Test
    void answersWhatTheContainerRefusesAsProblemWhateverTheAcceptHeader() {
        assertProblem(http.send("TRACE /api/v1/commitments HTTP/1.1", "Accept: garbage"), 405, HTTP_PROTOCOL);
        assertProblem(
                http.send("GET /api/v1/commitments/a%2Fb/timeline HTTP/1.1", "Accept: garbage"), 400, HTTP_PROTOCOL);
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"*/*", "application/*", "*/*;charset=UTF-8", "garbage"})
    void ignoresTheContentTypeOfARequestWithoutABody(String contentType) {
        Response health = http.send("GET /actuator/health HTTP/1.1", "Content-Type: " + contentType);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");

        Response list = http.send("GET /api/v1/commitments HTTP/1.1", "Content-Type: " + contentType, auditor());
        assertThat(list.status()).as(list.body()).isEqualTo(200);

        assertProblem(
                http.send("GET /api/v1/no-such-resource HTTP/1.1", "Content-Type: " + contentType, auditor()),
                404,
                HTTP_PROTOCOL);
        assertProblem(
                http.send("DELETE /api/v1/commitments HTTP/1.1", "Content-Type: " + contentType, auditor()),
                405,
                HTTP_PROTOCOL);
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

    /** A reader's token: without one, anything under /api/ is 401 before its media types are looked at (AccessIT). */
    private static String auditor() {
        return "Authorization: " + TestIssuer.auditor();
    }
}
