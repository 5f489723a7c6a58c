package io.commitmentsledger.benchmarks;

import io.commitmentsledger.seeds.ClientCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * projection-service's reads under concurrent readers, each an auditor reading as fast as it is answered: a
 * commitment's whole timeline, and a page of the list query with filters. Latencies are corrected for coordinated
 * omission with each reader's mean interval in the warm-up.
 */
final class ReadLatency {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI projection;
    private final ClientCredentials credentials;

    ReadLatency(HttpClient http, URI projection, ClientCredentials credentials) {
        this.http = http;
        this.projection = projection;
        this.credentials = credentials;
    }

    ClosedLoop.Result timeline(String commitment, int readers, Duration warmUp, Duration measure)
            throws InterruptedException {
        return read(
                URI.create(projection + "/api/v1/commitments/" + commitment + "/timeline"), readers, warmUp, measure);
    }

    ClosedLoop.Result list(String query, int readers, Duration warmUp, Duration measure) throws InterruptedException {
        return read(listUri(query), readers, warmUp, measure);
    }

    /** The {@code total} a list query answers: how many commitments match it. */
    long total(String query) throws Exception {
        HttpResponse<String> response = http.send(get(listUri(query)), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + listUri(query) + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return body.path("total").asLong(-1);
    }

    /** How many entries the timeline holds. */
    long timelineEntries(String commitment) throws Exception {
        URI uri = URI.create(projection + "/api/v1/commitments/" + commitment + "/timeline");
        HttpResponse<String> response = http.send(get(uri), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("entries").size();
    }

    private URI listUri(String query) {
        return URI.create(projection + "/api/v1/commitments" + (query.isBlank() ? "" : "?" + query));
    }

    private ClosedLoop.Result read(URI uri, int readers, Duration warmUp, Duration measure)
            throws InterruptedException {
        return ClosedLoop.run(readers, warmUp, measure, reader -> () -> {
            HttpResponse<Void> response = http.send(get(uri), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? null : Integer.toString(response.statusCode());
        });
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", credentials.authorization("auditor"))
                .build();
    }
}
