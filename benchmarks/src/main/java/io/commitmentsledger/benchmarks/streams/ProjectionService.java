package io.commitmentsledger.benchmarks.streams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** projection-service's rebuild and read API, as an administrator and an auditor call them. */
final class ProjectionService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    ProjectionService(URI base) {
        this.base = base;
    }

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** {@code POST /api/v1/admin/rebuilds}: 202 when it started. */
    Answer startRebuild(Supplier<String> adminToken) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(base.resolve("/api/v1/admin/rebuilds"))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                adminToken);
    }

    /** {@code GET /api/v1/admin/rebuilds/current}: the rebuild's RebuildStatus. */
    Answer rebuildStatus(Supplier<String> adminToken) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(base.resolve("/api/v1/admin/rebuilds/current"))
                        .GET(),
                adminToken);
    }

    /** {@code GET /api/v1/commitments/{id}}. */
    Answer commitment(String id, Supplier<String> readerToken) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(base.resolve("/api/v1/commitments/" + id))
                        .GET(),
                readerToken);
    }

    private Answer send(HttpRequest.Builder request, Supplier<String> token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request.timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + token.get())
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
