package io.commitmentsledger.projection.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.projection.fuzz.FuzzRequest.Service;
import io.commitmentsledger.web.problems.RawHttp.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Generated requests to every endpoint of both services, valid and not, each checked as it is answered: no 5xx
 * (but a read-your-writes wait that ran out), every 4xx an RFC 9457 problem of a known type, and nothing recorded
 * on the write side but what a 2xx answer said it recorded. At the end the projection must have applied every
 * recorded event, dead-lettered none and be healthy.
 *
 * <p>Not part of {@code ./mvnw verify} (it takes over a minute): {@code ./mvnw verify -Pfuzz} runs it with {@code
 * fuzz.requests} = 10,000.
 * Requests are drawn from a {@link Random} seeded with {@code fuzz.seed} (random unless given; every run prints it),
 * so {@code -Dfuzz.seed=<seed>} repeats a run request for request. The counts of a run are printed and written to
 * {@code target/fuzz/report.txt}; a failure names the generator case, the request as sent, its number and the seed.
 */
class LedgerFuzz {

    private static final String PROBLEMS = "https://commitments-ledger.dev/problems/";

    /** Every problem type either service answers on purpose; internal-error is a bug and not among them. */
    private static final Set<String> KNOWN_TYPES = Set.of(
                    "http-protocol",
                    "invalid-request",
                    "malformed-request",
                    "invalid-header",
                    "request-too-large",
                    "commitment-not-found",
                    "workshop-not-found",
                    "event-not-found",
                    "rule-violation",
                    "commitment-exists",
                    "concurrent-modification",
                    "version-mismatch",
                    "idempotency-key-reused",
                    "rebuild-in-progress",
                    "rebuild-not-found",
                    "version-not-yet-visible",
                    // a command by an agency of neither party (FR/MEAE), or whose body's actingAgency is not its
                    // token's; never unauthorized: every request carries a valid token (AuthorizedHttp)
                    "forbidden")
            .stream()
            .map(type -> PROBLEMS + type)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * {@code -Dfuzz.keep-going=true}: goes on after a failure, and lists the first request of each distinct failure at
     * the end, instead of stopping at the first. For finding every defect in one run.
     */
    private static final boolean KEEP_GOING = Boolean.getBoolean("fuzz.keep-going");

    private static final Map<String, String> failures = new java.util.LinkedHashMap<>();

    private static TwoServices services;
    private static AuthorizedHttp ledger;
    private static AuthorizedHttp projection;
    private static RecordedEvents recorded;
    private static FuzzStatistics statistics;

    @BeforeAll
    static void start() {
        services = TwoServices.start();
        ledger = new AuthorizedHttp(services.ledgerPort(), Service.LEDGER, services::bearer);
        projection = new AuthorizedHttp(services.projectionPort(), Service.PROJECTION, services::bearer);
        recorded = new RecordedEvents(ledger);
        statistics = new FuzzStatistics();
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void answersEveryRequestWithAnHonestSuccessOrAProblemAndRecordsOnlyWhatItSaysItDid() {
        long seed = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
        int count = Integer.getInteger("fuzz.requests", 2_000);
        System.out.printf("LedgerFuzz: %,d requests from seed %d (-Dfuzz.seed=%d repeats them)%n", count, seed, seed);
        Random random = new Random(seed);
        Gen<FuzzRequest> requests = FuzzRequests.requests();
        for (int i = 1; i <= count; i++) {
            FuzzRequest request = requests.next(random);
            try {
                answersHonestly(request);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(
                        "request %,d of %,d, seed %d (-Dfuzz.seed=%d repeats the run)".formatted(i, count, seed, seed),
                        failure);
            }
        }
        theProjectionHasAppliedEverythingTheWriteSideRecorded();
    }

    private static void answersHonestly(FuzzRequest request) {
        Response response = send(request);
        String problemType =
                keepGoingAfter(request, "answer " + response.status(), () -> checkAnswer(request, response));
        statistics.count(request, response, problemType);
        if (request.service() == Service.LEDGER) {
            keepGoingAfter(request, "recorded events", () -> {
                recorded.account(request, response);
                return null;
            });
        }
    }

    /**
     * Runs a check; with {@code fuzz.keep-going}, keeps the first failure of each generator case and check instead of
     * throwing it.
     */
    private static <T> @Nullable T keepGoingAfter(FuzzRequest request, String check, Supplier<T> checking) {
        try {
            return checking.get();
        } catch (AssertionError | RuntimeException failure) {
            if (!KEEP_GOING) {
                throw failure;
            }
            failures.putIfAbsent(request.service() + " " + request.kind() + ": " + check, failure.getMessage());
            return null;
        }
    }

    private static void theProjectionHasAppliedEverythingTheWriteSideRecorded() {
        Map<String, Long> versions = recorded.versions();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(projectedVersions(versions)).isEqualTo(versions));
        for (Map.Entry<String, Long> commitment : versions.entrySet()) {
            Response history = ledger.send("GET /api/v1/commitments/" + commitment.getKey() + "/events HTTP/1.1");
            assertThat(history.json().get("version").asLong()).isEqualTo(commitment.getValue());
        }
        assertThat(services.deadLettered())
                .as("records on the dead-letter topic")
                .isZero();
        JsonNode health = projection.send("GET /actuator/health HTTP/1.1").json();
        assertThat(health.get("components").get("projection").get("status").asString())
                .as("projection health: %s", health)
                .isNotEqualTo("DOWN");
        String report = statistics.report(recorded.events(), versions.size());
        StringBuilder listed = new StringBuilder();
        failures.forEach((key, message) ->
                listed.append("\n== ").append(key).append('\n').append(message));
        if (!failures.isEmpty()) {
            report += "\n" + failures.size() + " distinct failures:" + listed;
        }
        System.out.println(report);
        try {
            Path file = Path.of("target", "fuzz", "report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(failures)
                .as("distinct failures, listed in %s", Path.of("target", "fuzz", "report.txt"))
                .isEmpty();
    }

    /** Each commitment's version as projection-service answers it, or -1 where it does not know it yet. */
    private static Map<String, Long> projectedVersions(Map<String, Long> expected) {
        Map<String, Long> projected = new java.util.TreeMap<>();
        for (String id : expected.keySet()) {
            Response summary = projection.send("GET /api/v1/commitments/" + id + " HTTP/1.1");
            projected.put(
                    id, summary.status() == 200 ? summary.json().get("version").asLong() : -1L);
        }
        return projected;
    }

    private static Response send(FuzzRequest request) {
        AuthorizedHttp http = request.service() == Service.LEDGER ? ledger : projection;
        String requestLine = request.method() + " " + request.target() + " HTTP/1.1";
        if (request.body() == null) {
            return http.send(requestLine, request.headers().toArray(String[]::new));
        }
        List<String> headers = new ArrayList<>(request.headers());
        headers.add("Content-Length: " + request.body().length);
        return http.sendWithBody(
                requestLine, new String(request.body(), StandardCharsets.ISO_8859_1), headers.toArray(String[]::new));
    }

    /** Checks the rules every answer keeps; returns its problem type, if it is a problem. */
    private static @Nullable String checkAnswer(FuzzRequest request, Response response) {
        int status = response.status();
        String contentType = String.valueOf(response.header("content-type"));
        String shown = "%s%n-> %d %s%n%s"
                .formatted(
                        request,
                        status,
                        contentType,
                        response.body().substring(0, Math.min(response.body().length(), 1_000)));
        if (request.expectedStatus() != 0) {
            assertThat(status).as(shown).isEqualTo(request.expectedStatus());
        }
        if (status < 400) {
            return null;
        }
        if (status >= 500) {
            boolean lagging = request.service() == Service.PROJECTION
                    && status == 503
                    && request.waitsForVersion()
                    && response.body().contains(PROBLEMS + "version-not-yet-visible");
            if (!lagging) {
                fail("a 5xx answer:%n%s", shown);
            }
        }
        if (request.service() == Service.PROJECTION
                && request.method().equals("GET")
                && !request.target().startsWith("/api/")
                && (status == 400 || status == 404)
                && contentType.startsWith("text/html")
                && request.headers().stream()
                        .anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("accept:")
                                && h.toLowerCase(Locale.ROOT).contains("text/html"))) {
            return null; // a browser asking a page for HTML gets a page that says what is wrong
        }
        assertThat(contentType).as(shown).startsWith("application/problem+json");
        if (request.method().equals("HEAD")) {
            return null; // no body to read the type from
        }
        JsonNode problem;
        try {
            problem = response.json();
        } catch (RuntimeException notJson) {
            throw new AssertionError("a problem that is not JSON:%n%s".formatted(shown), notJson);
        }
        String type = problem.path("type").asString("");
        assertThat(KNOWN_TYPES).as(shown).contains(type);
        assertThat(problem.path("status").asInt()).as(shown).isEqualTo(status);
        return type.substring(PROBLEMS.length());
    }
}
