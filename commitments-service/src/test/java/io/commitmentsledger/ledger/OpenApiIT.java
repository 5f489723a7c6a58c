package io.commitmentsledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The API describes itself in OpenAPI 3.1 and can be browsed in Swagger UI. */
@LedgerIntegrationTest
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void describesEveryEndpointInOpenApi31() {
        Response docs = new LedgerClient(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode api = docs.json();
        assertThat(api.get("openapi").asString()).startsWith("3.1");
        List<String> paths = new ArrayList<>(api.get("paths").propertyNames());
        assertThat(paths)
                .containsExactlyInAnyOrder(
                        "/api/v1/commitments",
                        "/api/v1/commitments/{commitmentId}/confirmations",
                        "/api/v1/commitments/{commitmentId}/workshops",
                        "/api/v1/commitments/{commitmentId}/workshops/{workshopId}/reschedulings",
                        "/api/v1/commitments/{commitmentId}/workshops/{workshopId}/cancellation",
                        "/api/v1/commitments/{commitmentId}/workshops/{workshopId}/outcome",
                        "/api/v1/commitments/{commitmentId}/progress-reports",
                        "/api/v1/commitments/{commitmentId}/completions",
                        "/api/v1/commitments/{commitmentId}/amendments",
                        "/api/v1/commitments/{commitmentId}/withdrawal",
                        "/api/v1/commitments/{commitmentId}/events",
                        "/api/v1/events/{globalPosition}");
        assertThat(api.get("components").get("schemas").has("AgreeCommitmentRequest"))
                .isTrue();
    }

    @Test
    void documentsTheHeadersEveryCommandSharesAsHeaders() {
        JsonNode paths = new LedgerClient(port).get("/v3/api-docs").json().get("paths");

        assertThat(parameterNames(paths.get("/api/v1/commitments/{commitmentId}/confirmations")
                        .get("post")))
                .containsExactlyInAnyOrder("commitmentId", "If-Match", "Idempotency-Key");
        assertThat(parameterNames(paths.get("/api/v1/commitments").get("post"))).containsExactly("Idempotency-Key");
    }

    @Test
    void describesTheAnswerToACommandWithItsCommitmentIdAsText() {
        JsonNode schemas = new LedgerClient(port)
                .get("/v3/api-docs")
                .json()
                .get("components")
                .get("schemas");

        JsonNode properties = schemas.get("CommandOutcome").get("properties");
        assertThat(properties.propertyNames()).containsExactlyInAnyOrder("commitmentId", "version", "recorded");
        assertThat(properties.get("commitmentId").get("type").asString()).isEqualTo("string");
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation
                .get("parameters")
                .forEach(parameter -> names.add(parameter.get("name").asString()));
        return names;
    }

    @Test
    void servesSwaggerUi() throws Exception {
        HttpResponse<String> page = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build()
                .send(
                        HttpRequest.newBuilder(new LedgerClient(port).uri("/swagger-ui.html"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
    }
}
