package io.commitmentsledger.ledger.commitment.web;

import static io.commitmentsledger.ledger.support.LedgerClient.confirmBody;
import static io.commitmentsledger.ledger.support.LedgerClient.progressBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Many agency systems posting to one commitment at the same instant: no update is lost, no sequence is skipped. */
@LedgerIntegrationTest
class ConcurrentCommandsIT {

    private static final int COMMANDS = 64;

    @LocalServerPort
    int port;

    LedgerClient client;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        client = new LedgerClient(port);
        threads = Executors.newFixedThreadPool(COMMANDS);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    /** Runs every request at once: each thread waits at the gate until all are ready. */
    private List<Response> all(int count, IntFunction<Response> request) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            Callable<Response> call = () -> {
                gate.await();
                return request.apply(n);
            };
            futures.add(threads.submit(call));
        }
        gate.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get());
        }
        return responses;
    }

    @Test
    void recordsEveryOneOfManyConcurrentCommandsWithoutGapsOrLoss() throws Exception {
        String id = client.agreeNew("concurrent");

        List<Response> responses = all(
                COMMANDS,
                n -> client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("report " + n)));

        assertThat(responses)
                .allSatisfy(response ->
                        assertThat(response.status()).as(response.body()).isEqualTo(200));
        // every command saw a version of its own: none overwrote another
        assertThat(responses.stream().map(response -> response.header("ETag")).distinct())
                .hasSize(COMMANDS);

        JsonNode events =
                client.get("/api/v1/commitments/" + id + "/events").json().get("events");
        assertThat(events.size()).isEqualTo(COMMANDS + 1);
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("sequence").asLong()).isEqualTo(i);
            if (i > 0) {
                notes.add(events.get(i).get("payload").get("note").asString());
            }
        }
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < COMMANDS; n++) {
            expected.add("report " + n);
        }
        assertThat(notes).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void appliesOnlyOneOfManyCommandsExpectingTheSameVersion() throws Exception {
        String id = client.agreeNew("conditional");

        List<Response> responses = all(
                COMMANDS,
                n -> client.post(
                        "/api/v1/commitments/" + id + "/progress-reports",
                        progressBody("conditional " + n),
                        "If-Match",
                        "\"0\""));

        assertThat(responses.stream().filter(response -> response.status() == 200))
                .hasSize(1);
        assertThat(responses.stream().filter(response -> response.status() == 412))
                .hasSize(COMMANDS - 1);
        assertThat(client.eventCount(id)).isEqualTo(2);
    }

    @Test
    void recordsOnceWhenManyRetriesWithOneIdempotencyKeyArriveTogether() throws Exception {
        String id = client.agreeNew("retries");
        String key = "key-" + id;

        List<Response> responses = all(
                COMMANDS,
                n -> client.post(
                        "/api/v1/commitments/" + id + "/confirmations",
                        confirmBody("GB/DSIT"),
                        "Idempotency-Key",
                        key));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("ETag")).isEqualTo("\"1\"");
        });
        assertThat(client.eventCount(id)).isEqualTo(2);
    }
}
