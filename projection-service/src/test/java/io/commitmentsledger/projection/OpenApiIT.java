package io.commitmentsledger.projection;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import io.commitmentsledger.web.openapi.OpenApiContract;
import io.commitmentsledger.web.openapi.OpenApiContract.Exchange;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The query API describes itself in OpenAPI 3.1, every error as the shared Problem, and strictly enough to refuse
 * responses it does not give: every response the other tests receive is checked against it ({@link Http}), and
 * forged ones here must fail.
 */
@ProjectionIntegrationTest
class OpenApiIT {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    @LocalServerPort
    int port;

    @Test
    void describesEveryErrorWithTheSharedProblemSchema() throws Exception {
        Http.Response docs = new Http(port).get("/v3/api-docs");
        // Linted by .ci/run (Spectral, Redocly) after the build.
        Path written = Path.of("target/openapi/projection-service.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, docs.body());

        JsonNode paths = docs.json().get("paths");
        assertThat(new Http(port).contract().errorResponses())
                .hasSizeGreaterThan(15)
                .allSatisfy((response, schema) ->
                        assertThat(schema).as(response).isEqualTo("#/components/schemas/Problem"));
        assertThat(paths.at("/~1api~1v1~1commitments~1{commitmentId}/get/responses")
                        .propertyNames())
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "406", "500", "503");
        assertThat(paths.at("/~1api~1v1~1commitments~1{commitmentId}/get/responses/200/content")
                        .propertyNames())
                .containsExactly(JSON);
    }

    @Test
    void declaresTheBearerSchemeAndEachOperationsRequirementAndRefusals() {
        JsonNode api = new Http(port).get("/v3/api-docs").json();

        JsonNode scheme = api.at("/components/securitySchemes/bearerAuth");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(scheme.get("description").asString()).contains("agency", "roles", "commitments-ledger");
        Map<String, String> requirements = new java.util.TreeMap<>();
        Map<String, String> forbiddenRules = new java.util.TreeMap<>();
        api.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String name = operation.getKey() + " " + path.getKey();
                    JsonNode responses = operation.getValue().get("responses");
                    requirements.put(
                            name,
                            operation.getValue().get("security").toString()
                                    + operation.getValue().get("x-required-roles"));
                    assertThat(responses
                                    .at("/401/headers/WWW-Authenticate/required")
                                    .asBoolean())
                            .as(name)
                            .isTrue();
                    forbiddenRules.put(name, responses.at("/403/description").asString());
                }));
        // the scheme, and the roles each operation's rule lets in
        String reads = "[{\"bearerAuth\":[]}][\"agency\",\"auditor\"]";
        assertThat(requirements)
                .containsEntry("get /api/v1/commitments", reads)
                .containsEntry("get /api/v1/commitments/{commitmentId}", reads)
                .containsEntry("get /api/v1/commitments/{commitmentId}/timeline", reads)
                .containsEntry("get /api/v1/partnerships/{partnershipId}/overview", reads)
                .containsEntry("post /api/v1/admin/rebuilds", "[{\"adminBearerAuth\":[]}][\"admin\"]")
                .containsEntry(
                        "get /api/v1/admin/rebuilds/current",
                        "[{\"adminBearerAuth\":[]},{\"auditorBearerAuth\":[]}][\"auditor\",\"admin\"]")
                .hasSize(6);
        assertThat(forbiddenRules)
                .hasEntrySatisfying(
                        "get /api/v1/commitments",
                        rule -> assertThat(rule)
                                .contains("reads-need-an-agency-or-auditor")
                                .contains("reading the ledger's read model needs a token of an agency or an auditor"))
                .hasEntrySatisfying(
                        "post /api/v1/admin/rebuilds", rule -> assertThat(rule).contains("rebuilds-need-an-admin"))
                .hasEntrySatisfying(
                        "get /api/v1/admin/rebuilds/current",
                        rule -> assertThat(rule).contains("rebuild-progress-needs-an-admin-or-auditor"));
    }

    @Test
    void refusesForgedResponses() {
        Http http = new Http(port);
        OpenApiContract contract = http.contract();
        // A real answer, checked by Http as every other: an unknown partnership has zero counts.
        assertThat(http.get("/api/v1/partnerships/no-such-partnership/overview")
                        .json()
                        .get("commitments")
                        .asLong())
                .isZero();
        String commitment = """
                {"commitmentId": "c1", "partnershipId": "jp-uk", "area": "ai", "title": "T", "description": null,
                 "parties": [], "status": "AGREED", "overdue": false, "target": "2024-Q1",
                 "deadline": "2024-03-31", "source": {"title": "S"}, "agreedOn": "2024-01-16", "workshops": [],
                 "lastActivityOn": "2024-01-16", "lastRecordedAt": "2024-01-16T10:00:00Z", "version": 0,
                 "stale": false}""";

        assertThat(problems(contract, "/api/v1/commitments/c1", 200, JSON, commitment))
                .isEmpty();
        assertThat(problems(
                        contract,
                        "/api/v1/commitments/c1",
                        200,
                        JSON,
                        commitment
                                .replace("\"target\": \"2024-Q1\"", "\"target\": null")
                                .replace("\"deadline\": \"2024-03-31\"", "\"deadline\": null")
                                .replace("\"agreedOn\": \"2024-01-16\"", "\"agreedOn\": \"2022\"")))
                .as("no date set, agreed in a year")
                .isEmpty();
        assertThat(problems(
                        contract,
                        "/api/v1/commitments/c1",
                        200,
                        JSON,
                        commitment.replace("\"target\": \"2024-Q1\"", "\"target\": {\"quarter\": \"2024-Q1\"}")))
                .as("revision 1's target object is not the API's")
                .isNotEmpty();
        assertThat(problems(
                        contract,
                        "/api/v1/commitments/c1",
                        200,
                        JSON,
                        commitment.replace("\"target\": \"2024-Q1\"", "\"target\": \"2024-Q5\"")))
                .as("not a date of any precision")
                .isNotEmpty();
        assertThat(problems(contract, "/api/v1/commitments/c1", 409, PROBLEM, commitment))
                .singleElement(as(STRING))
                .contains("status 409 is not documented");
        assertThat(problems(contract, "/api/v1/commitments/c1", 200, JSON, "[" + commitment + "]"))
                .singleElement(as(STRING))
                .contains("array found, object expected");
        assertThat(problems(
                        contract,
                        "/api/v1/commitments/c1",
                        200,
                        JSON,
                        commitment.replace("\"description\": null,", "")))
                .singleElement(as(STRING))
                .contains("required property 'description' not found");
        assertThat(problems(
                        contract,
                        "/api/v1/commitments/c1",
                        200,
                        JSON,
                        commitment.replace("\"title\": \"S\"", "\"title\": null")))
                .singleElement(as(STRING))
                .contains("source");
        assertThat(problems(contract, "/api/v1/commitments/c1", 503, PROBLEM, """
                {"type": "https://commitments-ledger.dev/problems/version-not-yet-visible", "title": "Not yet visible",
                 "status": 503, "requiredVersion": 2, "currentVersion": 1}"""))
                .singleElement(as(STRING))
                .contains("required header Retry-After is missing");
    }

    private static List<String> problems(
            OpenApiContract contract, String path, int status, String contentType, String body) {
        return contract.problems(new Exchange(
                        "GET",
                        URI.create("http://localhost" + path),
                        status,
                        Map.of("Content-Type", List.of(contentType)),
                        body))
                .orElseThrow();
    }
}
