package io.commitmentsledger.faults.support;

import io.commitmentsledger.seeds.ClientCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the scenarios' reads, sending one caller's bearer token with every request, or none (for the
 * open health probes); a request that cannot connect is a status of 0.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;
    private final @Nullable Supplier<String> authorization;

    /** Sends no token. */
    public Http(Duration timeout) {
        this(timeout, null);
    }

    /** Sends {@code authorization}'s answer, {@code Bearer <token>}, as the Authorization header of every request. */
    public Http(Duration timeout, @Nullable Supplier<String> authorization) {
        this.timeout = timeout;
        this.authorization = authorization;
    }

    /** The same client, as {@code party} ({@code auditor}, {@code admin}, an agency) with a token from credentials. */
    public static Http as(Duration timeout, ClientCredentials credentials, String party) {
        return new Http(timeout, () -> credentials.authorization(party));
    }

    public int status(URI uri) {
        try {
            return get(uri).statusCode();
        } catch (IOException notReachable) {
            return 0;
        }
    }

    public HttpResponse<String> get(URI uri) throws IOException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** A POST without a body, as the admin operations take it. */
    public HttpResponse<String> post(URI uri) throws IOException {
        return send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The body of a 200 answer, as JSON; anything else fails the scenario. */
    public JsonNode json(URI uri) throws IOException {
        HttpResponse<String> response = get(uri);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        if (authorization != null) {
            request.header("Authorization", authorization.get());
        }
        try {
            return client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
