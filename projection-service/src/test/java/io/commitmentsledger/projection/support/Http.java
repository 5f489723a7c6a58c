package io.commitmentsledger.projection.support;

import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.security.testing.TestIssuer;
import io.commitmentsledger.web.openapi.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for a running service that never throws on an error status. Every response to a request under
 * {@code /api/} is checked against the OpenAPI document that service serves ({@link OpenApiContract}): a response the
 * document does not describe fails the test that received it.
 *
 * <p>Each request carries a bearer token from {@link TestIssuer}, minted as it is sent (tokens live five minutes):
 * an admin's under {@code /api/v1/admin/} (rebuilds), an auditor's elsewhere; {@link #withAuthorization} and {@link
 * #anonymous} send another or none.
 */
public final class Http {

    public record Response(
            int status,
            String contentType,
            String body,
            @Nullable String retryAfter,
            @Nullable String wwwAuthenticate) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;
    private final String base;
    private final HttpClient raw =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The Authorization header to send with a request to a path, or null for none. */
    private final Function<String, @Nullable String> authorization;

    private volatile @Nullable OpenApiContract contract;

    public Http(int port) {
        this(port, Http::asAuditorOrAdmin);
    }

    private Http(int port, Function<String, @Nullable String> authorization) {
        base = "http://localhost:" + port;
        client = RestClient.create(base);
        this.authorization = authorization;
    }

    /** The same service, every request sending {@code authorization} (such as {@code Bearer ...}) as it is. */
    public Http withAuthorization(String authorization) {
        return sharingTheContract(new Http(port(), path -> authorization));
    }

    /** The same service, no request sending an Authorization header. */
    public Http anonymous() {
        return sharingTheContract(new Http(port(), path -> null));
    }

    private Http sharingTheContract(Http other) {
        other.contract = contract;
        return other;
    }

    /** An admin rebuilds and watches rebuilds; an auditor reads everything else. */
    private static String asAuditorOrAdmin(String path) {
        return path.startsWith("/api/v1/admin/") ? TestIssuer.admin() : TestIssuer.auditor();
    }

    private int port() {
        return URI.create(base).getPort();
    }

    public Response get(String path) {
        return client.get()
                .uri(path)
                .headers(headers -> authorize(headers, path))
                .exchange(this::checked);
    }

    private void authorize(HttpHeaders headers, String path) {
        String value = authorization.apply(path);
        if (value != null) {
            headers.set(HttpHeaders.AUTHORIZATION, value);
        }
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
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        String value = authorization.apply(pathAndQuery);
        if (value != null) {
            builder.header(HttpHeaders.AUTHORIZATION, value);
        }
        HttpRequest request = builder.GET().build();
        return raw.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> {
                    contract()
                            .check(new OpenApiContract.Exchange(
                                    "GET",
                                    request.uri(),
                                    response.statusCode(),
                                    response.headers().map(),
                                    response.body()));
                    return new Response(
                            response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse("null"),
                            response.body(),
                            response.headers().firstValue("Retry-After").orElse(null),
                            response.headers().firstValue("WWW-Authenticate").orElse(null));
                });
    }

    public Response post(String path) {
        return client.post()
                .uri(path)
                .headers(headers -> authorize(headers, path))
                .exchange(this::checked);
    }

    public Response post(String path, String json) {
        return client.post()
                .uri(path)
                .headers(headers -> authorize(headers, path))
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange(this::checked);
    }

    /** The document the service serves, read once. */
    public OpenApiContract contract() {
        OpenApiContract known = contract;
        if (known == null) {
            known = new OpenApiContract(
                    client.get().uri("/v3/api-docs").exchange((request, response) -> read(response)), "/api/");
            contract = known;
        }
        return known;
    }

    private Response checked(org.springframework.http.HttpRequest request, ClientHttpResponse response)
            throws IOException {
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
                body,
                response.getHeaders().getFirst("Retry-After"),
                response.getHeaders().getFirst("WWW-Authenticate"));
    }

    private static String read(ClientHttpResponse response) throws IOException {
        return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
    }
}
