package io.commitmentsledger.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader against a stand-in service that answers like the ledger: bearer tokens, idempotency keys, problems. */
class SeedLoaderTest {

    @TempDir
    Path seeds;

    HttpServer server;
    final Map<String, String> firstBodies = new HashMap<>();
    final List<String> keys = new java.util.ArrayList<>();
    final List<String> authorizations = new java.util.ArrayList<>();
    /** Commitments the stand-in ledger holds from an earlier version of the seeds. */
    final java.util.Set<String> agreedEarlier = new java.util.HashSet<>();

    /** What the tests hand the loader as the token source. */
    static String bearer(String agency) {
        return "Bearer token-of-" + agency;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /**
     * Refuses a command whose token is not its acting agency's with a 403 problem; replays a known key; refuses any
     * body containing "bad" with a 400 problem.
     */
    private void answer(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        keys.add(key);
        authorizations.add(authorization);
        String agency = JSON.readTree(body).get("actingAgency").asString();
        if (!bearer(agency).equals(authorization)) {
            respond(exchange, 403, "application/problem+json", """
                    {"type": "https://commitments-ledger.dev/problems/forbidden", "status": 403,
                     "detail": "the body's actingAgency is not the caller", "rule": "actor-is-the-caller"}""");
            return;
        }
        if (body.contains("bad")) {
            respond(exchange, 400, "application/problem+json", """
                    {"type": "https://commitments-ledger.dev/problems/invalid-request", "status": 400,
                     "detail": "1 field is invalid", "errors": [{"field": "agreedOn", "message": "must not be in the future"}]}""");
            return;
        }
        String commitmentId = JSON.readTree(body).path("commitmentId").asString("");
        if (!firstBodies.containsKey(key) && agreedEarlier.contains(commitmentId)) {
            respond(exchange, 409, "application/problem+json", """
                    {"type": "https://commitments-ledger.dev/problems/commitment-exists", "status": 409,
                     "detail": "a commitment with this id has already been agreed"}""");
            return;
        }
        if (firstBodies.containsKey(key)) {
            exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
        } else {
            firstBodies.put(key, body);
        }
        respond(exchange, 201, "application/json", "{\"recorded\": true, \"version\": 0}");
    }

    private static void respond(HttpExchange exchange, int status, String type, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static final tools.jackson.databind.ObjectMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private URI base() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private void seed(String name, String json) throws IOException {
        Path file = seeds.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }

    @Test
    void sendsFilesInOrderWithSeedKeysAndReplaysOnTheSecondRun() throws IOException {
        seed(
                "p/02-b.json",
                "[{\"id\": \"c\", \"method\": \"POST\", \"path\": \"/api/v1/commitments/x/confirmations\","
                        + " \"body\": {\"actingAgency\": \"GB/DSIT\"}}]");
        seed("p/01-a.json", """
                [{"id": "a", "method": "POST", "path": "/api/v1/commitments", "body": {"n": 1, "actingAgency": "JP/METI"}},
                 {"id": "b", "method": "POST", "path": "/api/v1/commitments/x/confirmations",
                  "body": {"n": 2, "actingAgency": "JP/METI"}}]""");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SeedLoader.Result first = SeedLoader.load(
                base(), seeds, new PrintStream(printed, true, StandardCharsets.UTF_8), SeedLoaderTest::bearer);
        SeedLoader.Result second = SeedLoader.load(
                base(), seeds, new PrintStream(printed, true, StandardCharsets.UTF_8), SeedLoaderTest::bearer);

        assertThat(keys).containsExactly("seed-a", "seed-b", "seed-c", "seed-a", "seed-b", "seed-c");
        assertThat(authorizations.subList(0, 3))
                .containsExactly(bearer("JP/METI"), bearer("JP/METI"), bearer("GB/DSIT"));
        assertThat(first).isEqualTo(new SeedLoader.Result(3, 3, 0, 0, List.of()));
        assertThat(second).isEqualTo(new SeedLoader.Result(3, 0, 3, 0, List.of()));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("[1/3] POST /api/v1/commitments -> 201 recorded")
                .contains("[3/3] POST /api/v1/commitments/x/confirmations -> 201 already there")
                .contains(
                        "3 commands: 0 recorded, 3 already there, 0 corrected in place of an earlier version, 0 rejected");
    }

    private static final String SUPERSEDING_AGREEMENT = """
            [{"id": "x/agree-as-the-source-says", "supersedes": "x/agree", "method": "POST", "path": "/api/v1/commitments",
              "body": {"commitmentId": "x", "actingAgency": "JP/METI"},
              "corrections": [
                {"id": "x/withdraw-target", "method": "POST", "path": "/api/v1/commitments/x/amendments",
                 "body": {"target": null, "reason": "The source gives no date", "actingAgency": "JP/METI"}}]},
             {"id": "x/confirm-jp", "method": "POST", "path": "/api/v1/commitments/x/confirmations",
              "body": {"actingAgency": "JP/METI"}}]""";

    @Test
    void aLedgerHoldingTheEarlierVersionGetsTheCorrectionsOnceAndAFreshOneNone() throws IOException {
        seed("01-x.json", SUPERSEDING_AGREEMENT);
        agreedEarlier.add("x");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        SeedLoader.Result first = SeedLoader.load(base(), seeds, out, SeedLoaderTest::bearer);
        SeedLoader.Result again = SeedLoader.load(base(), seeds, out, SeedLoaderTest::bearer);

        assertThat(keys)
                .containsExactly(
                        "seed-x/agree-as-the-source-says",
                        "seed-x/withdraw-target",
                        "seed-x/confirm-jp",
                        "seed-x/agree-as-the-source-says",
                        "seed-x/withdraw-target",
                        "seed-x/confirm-jp");
        assertThat(first).isEqualTo(new SeedLoader.Result(2, 2, 0, 1, List.of()));
        assertThat(again).isEqualTo(new SeedLoader.Result(2, 0, 2, 1, List.of()));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("[1/2] POST /api/v1/commitments -> 409 the ledger holds the earlier x/agree: sending its 1"
                        + " correction(s)")
                .contains("[1/2]   correction POST /api/v1/commitments/x/amendments -> 201 recorded")
                .contains("2 commands and 1 corrections: 2 recorded, 0 already there, 1 corrected in place of an"
                        + " earlier version, 0 rejected");

        keys.clear();
        agreedEarlier.clear();
        firstBodies.clear();
        SeedLoader.Result fresh = SeedLoader.load(base(), seeds, out, SeedLoaderTest::bearer);

        assertThat(keys).containsExactly("seed-x/agree-as-the-source-says", "seed-x/confirm-jp");
        assertThat(fresh).isEqualTo(new SeedLoader.Result(2, 2, 0, 0, List.of()));
    }

    @Test
    void refusesAReplacementWithoutItsCorrectionsOrCorrectionsThatCorrectAgain() throws IOException {
        seed("01-x.json", """
                [{"id": "x/agree-2", "supersedes": "x/agree", "method": "POST", "path": "/api/v1/commitments",
                  "body": {"actingAgency": "JP/METI"}}]""");
        assertThatThrownBy(() -> SeedLoader.readSeeds(seeds)).hasMessageContaining("come together");

        seed("01-x.json", """
                [{"id": "x/agree-2", "supersedes": "x/agree", "method": "POST", "path": "/api/v1/commitments",
                  "body": {"actingAgency": "JP/METI"},
                  "corrections": [{"id": "y", "supersedes": "z", "corrections": [], "method": "POST", "path": "/a",
                                   "body": {"actingAgency": "JP/METI"}}]}]""");
        assertThatThrownBy(() -> SeedLoader.readSeeds(seeds)).hasMessageContaining("unknown field 'supersedes'");
    }

    @Test
    void reportsEveryRejectedCommandWithItsProblem() throws IOException {
        seed("01-a.json", """
                [{"id": "good", "method": "POST", "path": "/api/v1/commitments", "body": {"actingAgency": "JP/MIC"}},
                 {"id": "wrong", "method": "POST", "path": "/api/v1/commitments",
                  "body": {"x": "bad", "actingAgency": "JP/MIC"}}]""");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SeedLoader.Result result = SeedLoader.load(
                base(), seeds, new PrintStream(printed, true, StandardCharsets.UTF_8), SeedLoaderTest::bearer);

        assertThat(result.ok()).isFalse();
        assertThat(result.recorded()).isEqualTo(1);
        assertThat(result.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.command().id()).isEqualTo("wrong");
            assertThat(rejection.status()).isEqualTo(400);
            assertThat(rejection.type()).isEqualTo("invalid-request");
            assertThat(rejection.detail()).isEqualTo("1 field is invalid");
            assertThat(rejection.errors()).containsExactly("agreedOn: must not be in the future");
        });
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains(
                        "rejected wrong (01-a.json, POST /api/v1/commitments): 400 invalid-request: 1 field is invalid")
                .contains("agreedOn: must not be in the future");
    }

    @Test
    void reportsACommandTheServiceRefusesForItsToken() throws IOException {
        seed("01-a.json", """
                [{"id": "a", "method": "POST", "path": "/api/v1/commitments", "body": {"actingAgency": "GB/DSIT"}}]""");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SeedLoader.Result result = SeedLoader.load(
                base(), seeds, new PrintStream(printed, true, StandardCharsets.UTF_8), agency -> bearer("JP/METI"));

        assertThat(result.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.status()).isEqualTo(403);
            assertThat(rejection.type()).isEqualTo("forbidden");
        });
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("rejected a (01-a.json, POST /api/v1/commitments): 403 forbidden");
    }

    @Test
    void refusesMalformedSeedFiles() throws IOException {
        seed("01-a.json", "[{\"id\": \"a\", \"method\": \"POST\", \"path\": \"/x\"}]");
        assertThatThrownBy(() -> SeedLoader.readSeeds(seeds)).hasMessageContaining("body must be a JSON object");
        seed("01-a.json", "{\"id\": \"a\"}");
        assertThatThrownBy(() -> SeedLoader.readSeeds(seeds)).hasMessageContaining("JSON array");
        seed("01-a.json", "[{\"id\": \"a\", \"method\": \"POST\", \"path\": \"/x\", \"body\": {}, \"extra\": 1}]");
        assertThatThrownBy(() -> SeedLoader.readSeeds(seeds)).hasMessageContaining("unknown field 'extra'");
        seed("01-a.json", "[{\"id\": \"a\", \"method\": \"POST\", \"path\": \"/x\", \"body\": {}}]");
        assertThatThrownBy(() -> SeedLoader.readSeeds(seeds)).hasMessageContaining("body must name its actingAgency");
    }
}
