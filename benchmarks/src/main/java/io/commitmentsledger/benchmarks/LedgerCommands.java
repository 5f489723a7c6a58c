package io.commitmentsledger.benchmarks;

import io.commitmentsledger.seeds.ClientCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * commitments-service's command API as an agency's system uses it: each command with the acting agency's own bearer
 * token, an {@code Idempotency-Key} (so a retry could never record twice) and, on an existing commitment, the version
 * it last saw in {@code If-Match}. Every commitment here is between Japan (one of METI, MIC, DIGITAL) and the UK
 * (DSIT), in the seeds' partnership.
 */
final class LedgerCommands {

    static final String GB = "GB/DSIT";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The answer: HTTP status, the version from the {@code ETag} (-1 if none), and how long it took. */
    record Answer(
            int status, long version, long nanos, @Nullable String failure) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** What a non-2xx is counted as: its status, or what went wrong before one came. */
        String outcome() {
            return failure != null ? failure : Integer.toString(status);
        }
    }

    private final HttpClient http;
    private final URI commitments;
    private final ClientCredentials credentials;

    LedgerCommands(HttpClient http, URI commitmentsService, ClientCredentials credentials) {
        this.http = http;
        this.commitments = commitmentsService.resolve("/api/v1/commitments");
        this.credentials = credentials;
    }

    /** Agreed by the Japanese agency, which is then one of the commitment's parties. */
    Answer agree(String commitmentId, String japaneseAgency) {
        String body = """
                {"commitmentId": "%s", "partnershipId": "jp-uk-digital-partnership", "area": "semiconductors",
                 "title": "Benchmark commitment %1$s",
                 "description": "Joint semiconductor supply-chain research programme measured by the benchmark",
                 "parties": [{"country": "JP", "agencies": ["%s"]}, {"country": "GB", "agencies": ["DSIT"]}],
                 "target": "2024-Q4", "agreedOn": "2024-01-16",
                 "source": {"title": "Japan-UK Digital Partnership outcome document",
                            "url": "https://www.meti.go.jp/english/press/2024/0116_002.html", "section": "2(2)"}}""".formatted(commitmentId, japaneseAgency.substring(3));
        return send("", japaneseAgency, body, -1);
    }

    Answer confirm(String commitmentId, String agency, long version) {
        return send("/" + commitmentId + "/confirmations", agency, "{\"confirmedOn\": \"2024-01-17\"}", version);
    }

    Answer scheduleWorkshop(String commitmentId, String agency, long version) {
        String body = """
                {"workshopId": "workshop-1", "title": "Japan-UK semiconductor workshop", "when": {"quarter": "2024-Q2"},
                 "format": "IN_PERSON", "location": "London", "host": "GB", "scheduledOn": "2024-01-18"}""";
        return send("/" + commitmentId + "/workshops", agency, body, version);
    }

    /** A progress report; {@code version} -1 sends no {@code If-Match} (any version). */
    Answer reportProgress(String commitmentId, String agency, long version) {
        String body = """
                {"note": "Working group met; draft research agenda circulated to both parties for comment",
                 "evidence": "https://www.gov.uk/government/publications/uk-japan-digital-partnership", "reportedOn": "2024-02-01"}""";
        return send("/" + commitmentId + "/progress-reports", agency, body, version);
    }

    Answer markComplete(String commitmentId, String agency, long version) {
        return send(
                "/" + commitmentId + "/completions",
                agency,
                "{\"completedOn\": \"2024-06-28\", \"evidence\": \"Workshop held; joint research programme launched\"}",
                version);
    }

    private Answer send(String path, String agency, String body, long ifMatch) {
        long start = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commitments + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", credentials.authorization(agency))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (ifMatch >= 0) {
                request.header("If-Match", "\"" + ifMatch + "\"");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long version = response.headers()
                    .firstValue("ETag")
                    .map(tag -> tag.replace("\"", ""))
                    .map(Long::parseLong)
                    .orElse(-1L);
            return new Answer(response.statusCode(), version, System.nanoTime() - start, null);
        } catch (IOException e) {
            return new Answer(0, -1, System.nanoTime() - start, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, -1, System.nanoTime() - start, "interrupted");
        } catch (RuntimeException e) {
            // no token: the authorization server refused or could not be reached
            return new Answer(0, -1, System.nanoTime() - start, "token: " + e.getMessage());
        }
    }
}
