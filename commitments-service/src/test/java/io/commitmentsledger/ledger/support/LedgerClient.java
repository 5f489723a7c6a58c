package io.commitmentsledger.ledger.support;

import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.security.testing.TestIssuer;
import io.commitmentsledger.web.openapi.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the running service, as an agency system or an auditor would use it. Every response to a
 * request under {@code /api/} is checked against the OpenAPI document the service serves ({@link OpenApiContract}): a
 * response the document does not describe fails the test that received it.
 */
public final class LedgerClient {

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<String, OpenApiContract> CONTRACTS = new ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public LedgerClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** As an {@code Authorization} value in {@link #post} or {@link #get}: send no token at all. */
    public static final String NO_TOKEN = "";

    /** A commitment id no other test uses. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    public Response post(String path, String json, String... headerPairs) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return checked(withHeaders(request, tokenFor(path, json), headerPairs).build());
    }

    public Response get(String path, String... headerPairs) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        return checked(withHeaders(request, TestIssuer.auditor(), headerPairs).build());
    }

    /** The headers, and {@code Authorization: defaultToken} unless they name one ({@link #NO_TOKEN}: none at all). */
    private static HttpRequest.Builder withHeaders(
            HttpRequest.Builder request, String defaultToken, String... headerPairs) {
        String authorization = defaultToken;
        for (int i = 0; i < headerPairs.length; i += 2) {
            if (headerPairs[i].equalsIgnoreCase("Authorization")) {
                authorization = headerPairs[i + 1];
            } else {
                request.header(headerPairs[i], headerPairs[i + 1]);
            }
        }
        return authorization.isEmpty() ? request : request.header("Authorization", authorization);
    }

    /**
     * The token a test that is not about security sends: an auditor's to read, an administrator's to republish, and
     * for a command the agency its body names as acting ({@code JP/METI} when it names none, or is not JSON), so
     * that every such test acts as the agency it means to. Security tests pass their own {@code Authorization}.
     */
    private static String tokenFor(String path, String json) {
        if (path.startsWith("/api/v1/admin/")) {
            return TestIssuer.admin();
        }
        try {
            JsonNode actor = JSON.readTree(json).get("actingAgency");
            if (actor != null && actor.isString() && actor.asString().matches("[A-Z]{2}/" + AgencyCode.FORMAT)) {
                return TestIssuer.agency(actor.asString());
            }
        } catch (RuntimeException notJson) {
            // a test of malformed bodies: any agency will do
        }
        return TestIssuer.agency("JP/METI");
    }

    /**
     * Sends a request a test built itself; without an {@code Authorization} header it gets an auditor's token to read
     * and JP/METI's otherwise, like {@link #post} and {@link #get}.
     */
    public Response send(HttpRequest request) {
        if (request.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header(
                            "Authorization",
                            request.method().equals("GET") ? TestIssuer.auditor() : TestIssuer.agency("JP/METI"))
                    .build();
        }
        return checked(request);
    }

    /** Sends the request as it is, and checks the response against the OpenAPI document. */
    private Response checked(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        contract()
                .check(new OpenApiContract.Exchange(
                        request.method(),
                        request.uri(),
                        response.statusCode(),
                        response.headers().map(),
                        response.body()));
        return new Response(response.statusCode(), response.headers().map(), response.body());
    }

    /** The document this service serves, read once per service. */
    public OpenApiContract contract() {
        return CONTRACTS.computeIfAbsent(
                baseUrl,
                url -> new OpenApiContract(
                        exchange(HttpRequest.newBuilder(URI.create(url + "/v3/api-docs"))
                                        .build())
                                .body(),
                        "/api/"));
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    // --- request bodies of the seed story's semiconductor commitment ---

    public static String agreeBody(String commitmentId) {
        return """
                {"commitmentId": "%s", "partnershipId": "jp-uk-digital-partnership",
                 "area": "semiconductors", "title": "Industry-academia-government semiconductor workshop",
                 "description": "Explore further semiconductor cooperation initiatives",
                 "parties": [{"country": "JP", "agencies": ["METI"]}, {"country": "GB", "agencies": ["DSIT"]}],
                 "target": {"quarter": "2024-Q1"}, "agreedOn": "2024-01-16",
                 "source": {"title": "Japan-UK Digital Partnership outcome document",
                            "url": "https://www.meti.go.jp/english/press/2024/0116_002.html", "section": "2(2)"},
                 "actingAgency": "JP/METI"}""".formatted(commitmentId);
    }

    public static String confirmBody(String actingAgency) {
        return """
                {"confirmedOn": "2024-01-16", "actingAgency": "%s"}""".formatted(actingAgency);
    }

    public static String progressBody(String note) {
        return """
                {"note": "%s", "reportedOn": "2024-02-01", "actingAgency": "GB/DSIT"}""".formatted(note);
    }

    public static String completionBody(String actingAgency) {
        return """
                {"completedOn": "2024-03-28", "evidence": "Workshop held; report published", "actingAgency": "%s"}""".formatted(actingAgency);
    }

    /** Agrees a new commitment and returns its id. */
    public String agreeNew(String prefix) {
        String id = uniqueId(prefix);
        Response response = post("/api/v1/commitments", agreeBody(id));
        if (response.status() != 201) {
            throw new IllegalStateException("could not agree " + id + ": " + response);
        }
        return id;
    }

    public int eventCount(String commitmentId) {
        Response response = get("/api/v1/commitments/" + commitmentId + "/events");
        return response.status() == 404 ? 0 : response.json().get("events").size();
    }
}
