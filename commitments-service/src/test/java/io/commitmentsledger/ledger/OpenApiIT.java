package io.commitmentsledger.ledger;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.web.openapi.OpenApiContract;
import io.commitmentsledger.web.openapi.OpenApiContract.Exchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API describes itself in OpenAPI 3.1 and can be browsed in Swagger UI. The document is strict enough to refuse
 * responses the service does not give: every response the other tests receive is checked against it ({@link
 * LedgerClient}), and forged ones here must fail.
 */
@LedgerIntegrationTest
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void describesEveryEndpointInOpenApi31() throws Exception {
        Response docs = new LedgerClient(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        // Linted by .ci/run (Spectral, Redocly) after the build.
        Path written = Path.of("target/openapi/commitments-service.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, docs.body());
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
                        "/api/v1/commitments/{commitmentId}/agreement-date-corrections",
                        "/api/v1/commitments/{commitmentId}/withdrawal",
                        "/api/v1/commitments/{commitmentId}/events",
                        "/api/v1/events/{globalPosition}",
                        "/api/v1/admin/republications",
                        "/api/v1/log/checkpoint",
                        "/api/v1/log/checkpoints/{treeSize}",
                        "/api/v1/log/verifier-keys",
                        "/api/v1/log/inclusion",
                        "/api/v1/log/consistency",
                        "/api/v1/log/entries/{logIndex}/tlog-proof",
                        "/api/v1/events/{eventId}/tlog-proof",
                        "/api/v1/commitments/{commitmentId}/verification",
                        "/api/v1/ledger/export");
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

    /** A target is the text of a date as precise as the source, the older object, or null; it may be left out. */
    @Test
    void documentsATargetInBothFormsAndTheOptionalFieldsAsOptional() {
        JsonNode schemas = new LedgerClient(port)
                .get("/v3/api-docs")
                .json()
                .get("components")
                .get("schemas");

        for (String request : List.of("AgreeCommitmentRequest", "AmendmentRequest")) {
            JsonNode target = schemas.get(request).get("properties").get("target");
            assertThat(target.get("oneOf")).as(request).hasSize(3);
            assertThat(target.get("oneOf").get(0).get("pattern").asString()).isEqualTo(PartialDate.FORMAT);
            assertThat(target.get("oneOf").get(1).get("$ref").asString()).isEqualTo("#/components/schemas/Target");
            assertThat(target.get("oneOf").get(2).get("type").asString()).isEqualTo("null");
            assertThat(target.get("examples")).hasSize(2);
            assertThat(schemas.get(request).get("required").toString()).doesNotContain("\"target\"");
        }
        assertThat(schemas.get("AmendmentRequest").get("required").toString()).doesNotContain("amendedOn");
        assertThat(schemas.get("AgreementDateCorrectionRequest").get("required").toString())
                .contains("agreedOn", "reason")
                .doesNotContain("correctedOn", "actingAgency");
        assertThat(schemas.get("AgreeCommitmentRequest")
                        .at("/properties/agreedOn/pattern")
                        .asString())
                .isEqualTo(PartialDate.FORMAT);
        assertThat(schemas.has("JsonNode")).isFalse();
        assertThat(schemas.at("/Target/required").isMissingNode())
                .as("date or quarter")
                .isTrue();
        assertThat(schemas.at("/Target/maxProperties").asInt()).isEqualTo(1);
    }

    @Test
    void requiresATokenOfTheRolesEachOperationsRuleLetsIn() {
        JsonNode paths = new LedgerClient(port).get("/v3/api-docs").json().get("paths");

        assertThat(paths.at("/~1api~1v1~1commitments/post/security").toString()).isEqualTo("[{\"bearerAuth\":[]}]");
        assertThat(paths.at("/~1api~1v1~1commitments/post/x-required-roles").toString())
                .isEqualTo("[\"agency\"]");
        assertThat(paths.at("/~1api~1v1~1commitments~1{commitmentId}~1events/get/x-required-roles")
                        .toString())
                .isEqualTo("[\"agency\",\"auditor\"]");
        assertThat(paths.at("/~1api~1v1~1admin~1republications/post/security").toString())
                .isEqualTo("[{\"adminBearerAuth\":[]}]");
        assertThat(paths.at("/~1api~1v1~1admin~1republications/post/x-required-roles")
                        .toString())
                .isEqualTo("[\"admin\"]");
        assertThat(paths.at("/~1api~1v1~1commitments~1{commitmentId}~1confirmations/post/responses/403/description")
                        .asString())
                .contains("commands-need-an-agency", "actor-is-the-caller", "acting-agency-acts-for-a-party");
        paths.properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> assertThat(operation
                                        .getValue()
                                        .at("/responses/401/headers/WWW-Authenticate/required")
                                        .asBoolean())
                                .as(operation.getKey() + " " + path.getKey())
                                .isTrue()));
    }

    @Test
    void answersEveryErrorWithTheSharedProblemSchema() {
        JsonNode paths = new LedgerClient(port).get("/v3/api-docs").json().get("paths");

        assertThat(new LedgerClient(port).contract().errorResponses())
                .hasSizeGreaterThan(100)
                .allSatisfy((response, schema) ->
                        assertThat(schema).as(response).isEqualTo("#/components/schemas/Problem"));
        assertThat(paths.at("/~1api~1v1~1commitments/post/responses").propertyNames())
                .containsExactlyInAnyOrder("201", "400", "401", "403", "406", "409", "413", "415", "422", "500", "503");
        assertThat(paths.at("/~1api~1v1~1commitments~1{commitmentId}~1confirmations/post/responses")
                        .propertyNames())
                .containsExactlyInAnyOrder(
                        "200", "400", "401", "403", "404", "406", "409", "412", "413", "415", "422", "500", "503");
    }

    @Test
    void refusesForgedResponses() {
        LedgerClient client = new LedgerClient(port);
        OpenApiContract contract = client.contract();
        String id = client.agreeNew("forged");
        Response real =
                client.post("/api/v1/commitments/" + id + "/confirmations", LedgerClient.confirmBody("JP/METI"));
        Response history = client.get("/api/v1/commitments/" + id + "/events");
        String confirmations = "/api/v1/commitments/" + id + "/confirmations";

        assertThat(problems(contract, "POST", confirmations, real.status(), real.headers(), real.body()))
                .isEmpty();
        assertThat(problems(contract, "POST", confirmations, 418, real.headers(), real.body()))
                .singleElement(as(STRING))
                .contains("status 418 is not documented");
        assertThat(problems(contract, "POST", confirmations, 200, real.headers(), "[" + real.body() + "]"))
                .singleElement(as(STRING))
                .contains("array found, object expected");
        ObjectNode withoutVersion = (ObjectNode) real.json();
        withoutVersion.remove("version");
        assertThat(problems(contract, "POST", confirmations, 200, real.headers(), withoutVersion.toString()))
                .singleElement(as(STRING))
                .contains("required property 'version' not found");
        assertThat(problems(contract, "POST", "/api/v1/commitments", 201, real.headers(), real.body()))
                .singleElement(as(STRING))
                .contains("required header Location is missing");
        // The payload as the document used to describe it: a string holding JSON, not the JSON object it is.
        ObjectNode payloadAsText = (ObjectNode) history.json();
        ObjectNode first = (ObjectNode) payloadAsText.get("events").get(0);
        first.put("payload", first.get("payload").toString());
        assertThat(problems(
                        contract,
                        "GET",
                        "/api/v1/commitments/" + id + "/events",
                        200,
                        history.headers(),
                        payloadAsText.toString()))
                .singleElement(as(STRING))
                .contains("payload");
    }

    private static List<String> problems(
            OpenApiContract contract,
            String method,
            String path,
            int status,
            Map<String, List<String>> headers,
            String body) {
        return contract.problems(new Exchange(method, URI.create("http://localhost" + path), status, headers, body))
                .orElseThrow();
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
