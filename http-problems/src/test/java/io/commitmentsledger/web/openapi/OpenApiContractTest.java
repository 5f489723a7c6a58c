package io.commitmentsledger.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commitmentsledger.web.openapi.OpenApiContract.Exchange;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check refuses what a document does not describe, and accepts what it does. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
               "/api/things/{id}": {"get": {"responses": {
                 "200": {"description": "a thing",
                         "headers": {"ETag": {"required": true, "schema": {"type": "string", "pattern": "^\\"[0-9]+\\"$"}}},
                         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "404": {"description": "none",
                         "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
               "/api/things/{id}/parts/latest": {"get": {"responses": {"204": {"description": "none"}}}}},
             "components": {"schemas": {
               "Thing": {"type": "object", "required": ["id", "note", "made"],
                         "properties": {"id": {"type": "string"}, "note": {"type": ["string", "null"]},
                                        "made": {"type": "string", "format": "date"}}},
               "Problem": {"type": "object", "required": ["type", "title", "status"],
                           "properties": {"type": {"type": "string", "format": "uri"}, "title": {"type": "string"},
                                          "status": {"type": "integer"}}}}}}""";

    private static final String THING = """
            {"id": "a", "note": null, "made": "2024-01-16"}""";
    private static final String PROBLEM = """
            {"type": "https://example.org/p", "title": "Not found", "status": 404}""";

    private final OpenApiContract contract = new OpenApiContract(DOCUMENT, "/api/");

    @Test
    void acceptsADocumentedResponse() {
        assertThat(contract.check(get("/api/things/a?x=1", 200, "application/json", THING, "\"1\"")))
                .isTrue();
        assertThat(contract.check(get("/api/things/b", 404, "application/problem+json", PROBLEM, null)))
                .isTrue();
    }

    @Test
    void refusesAnUndocumentedStatus() {
        assertRefused(get("/api/things/a", 409, "application/problem+json", PROBLEM, null), "status 409");
    }

    @Test
    void refusesABodyOfTheWrongType() {
        assertRefused(get("/api/things/a", 200, "application/json", "[" + THING + "]", "\"1\""), "array");
    }

    @Test
    void refusesABodyMissingARequiredField() {
        assertRefused(get("/api/things/a", 200, "application/json", """
                {"id": "a", "made": "2024-01-16"}""", "\"1\""), "note");
    }

    @Test
    void refusesAValueOfTheWrongFormat() {
        assertRefused(
                get("/api/things/a", 200, "application/json", THING.replace("2024-01-16", "16.1.2024"), "\"1\""),
                "date");
    }

    @Test
    void refusesAnUndocumentedContentType() {
        assertRefused(get("/api/things/a", 200, "text/plain", "a", "\"1\""), "text/plain");
    }

    @Test
    void refusesAResponseWithoutARequiredHeader() {
        assertRefused(get("/api/things/a", 200, "application/json", THING, null), "ETag");
    }

    @Test
    void refusesAHeaderThatBreaksItsSchema() {
        assertRefused(get("/api/things/a", 200, "application/json", THING, "W/\"1\""), "ETag");
    }

    @Test
    void refusesABodyWhereNoneIsDocumented() {
        assertRefused(get("/api/things/a/parts/latest", 204, "application/json", THING, null), "without a body");
    }

    @Test
    void takesAnUnknownPathUnderTheApiForAProtocolErrorOnly() {
        assertThat(contract.check(get("/api/nothing", 404, "application/problem+json", PROBLEM, null)))
                .isTrue();
        assertRefused(get("/api/nothing", 200, "application/json", THING, null), "no path template");
        assertRefused(new Exchange("DELETE", URI.create("http://localhost/api/things/a"), 204, Map.of(), ""), "DELETE");
    }

    @Test
    void leavesPathsOutsideTheApiAlone() {
        assertThat(contract.check(get("/actuator/health", 200, "application/json", "{}", null)))
                .isFalse();
    }

    @Test
    void countsWhatItChecksAndRemembersWhatItRefused() {
        int checked = OpenApiContract.checkedResponses();
        int violations = OpenApiContract.violations().size();

        contract.check(get("/api/things/a", 200, "application/json", THING, "\"1\""));
        assertThatThrownBy(() -> contract.check(get("/api/things/a", 500, "application/json", THING, null)));

        assertThat(OpenApiContract.checkedResponses()).isEqualTo(checked + 2);
        assertThat(OpenApiContract.violations()).hasSize(violations + 1);
    }

    private void assertRefused(Exchange exchange, String naming) {
        assertThatThrownBy(() -> contract.check(exchange))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(naming);
    }

    private static Exchange get(String path, int status, String contentType, String body, String etag) {
        Map<String, List<String>> headers = etag == null
                ? Map.of("content-type", List.of(contentType))
                : Map.of("content-type", List.of(contentType), "etag", List.of(etag));
        return new Exchange("GET", URI.create("http://localhost" + path), status, headers, body);
    }
}
