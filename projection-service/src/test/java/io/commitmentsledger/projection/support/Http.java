package io.commitmentsledger.projection.support;

import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for a running service that never throws on an error status. */
public final class Http {

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    public Http(int port) {
        client = RestClient.create("http://localhost:" + port);
    }

    public Response get(String path) {
        return client.get().uri(path).exchange((request, response) -> read(response));
    }

    public Response post(String path) {
        return client.post().uri(path).exchange((request, response) -> read(response));
    }

    public Response post(String path, String json) {
        return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange((request, response) -> read(response));
    }

    private static Response read(ClientHttpResponse response) throws IOException {
        return new Response(
                response.getStatusCode().value(),
                String.valueOf(response.getHeaders().getContentType()),
                new String(response.getBody().readAllBytes()));
    }
}
