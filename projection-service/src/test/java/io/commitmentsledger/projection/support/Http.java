package io.commitmentsledger.projection.support;

import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for a running service that never throws on an error status. */
public final class Http {

    public record Response(
            int status,
            String contentType,
            String body,
            @Nullable String retryAfter) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;
    private final String base;
    private final HttpClient raw =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Http(int port) {
        base = "http://localhost:" + port;
        client = RestClient.create(base);
    }

    public Response get(String path) {
        return client.get().uri(path).exchange((request, response) -> read(response));
    }

    /** The commitment, once the projection shows it at {@code version} or later; waits up to 30 s for that. */
    public JsonNode awaitVersion(CommitmentId id, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response response = get("/api/v1/commitments/" + id);
            return response.status() == 200 && response.json().get("version").asLong() >= version;
        });
        return get("/api/v1/commitments/" + id).json();
    }

    /**
     * Sends {@code pathAndQuery} exactly as written, percent-escapes and all (such as {@code %FF}), where {@link
     * #get} would escape the {@code %} once more.
     */
    public Response getRaw(String pathAndQuery) {
        try {
            return getRawAsync(pathAndQuery).join();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
    }

    /** Like {@link #getRaw}, without waiting for the answer: many of these can be in flight at once. */
    public CompletableFuture<Response> getRawAsync(String pathAndQuery) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build();
        return raw.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new Response(
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse("null"),
                        response.body(),
                        response.headers().firstValue("Retry-After").orElse(null)));
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
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8),
                response.getHeaders().getFirst("Retry-After"));
    }
}
