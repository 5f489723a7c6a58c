package io.commitmentsledger.projection.support;

import io.commitmentsledger.web.openapi.OpenApiContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for a running service that never throws on an error status. Every response to a request under
 * {@code /api/} is checked against the OpenAPI document that service serves ({@link OpenApiContract}): a response the
 * document does not describe fails the test that received it.
 */
public final class Http {

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;
    private volatile OpenApiContract contract;

    public Http(int port) {
        client = RestClient.create("http://localhost:" + port);
    }

    public Response get(String path) {
        return client.get().uri(path).exchange(this::checked);
    }

    public Response post(String path) {
        return client.post().uri(path).exchange(this::checked);
    }

    public Response post(String path, String json) {
        return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange(this::checked);
    }

    /** The document the service serves, read once. */
    public OpenApiContract contract() {
        if (contract == null) {
            contract = new OpenApiContract(
                    client.get().uri("/v3/api-docs").exchange((request, response) -> read(response)), "/api/");
        }
        return contract;
    }

    private Response checked(HttpRequest request, ClientHttpResponse response) throws IOException {
        String body = read(response);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaders().forEach(headers::put);
        contract()
                .check(new OpenApiContract.Exchange(
                        request.getMethod().name(),
                        request.getURI(),
                        response.getStatusCode().value(),
                        headers,
                        body));
        return new Response(
                response.getStatusCode().value(),
                String.valueOf(response.getHeaders().getContentType()),
                body);
    }

    private static String read(ClientHttpResponse response) throws IOException {
        return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
    }
}
