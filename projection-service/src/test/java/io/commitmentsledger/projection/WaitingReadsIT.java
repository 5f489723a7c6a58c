package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.DSIT;
import static io.commitmentsledger.projection.support.LedgerTopic.FAR_AHEAD;
import static io.commitmentsledger.projection.support.LedgerTopic.MEETING;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static io.commitmentsledger.projection.support.ProjectionIntegrationTest.MAX_WAITING_READS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.Http.Response;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Reads that wait for a version (read-your-writes) hold no request thread while they wait, are bounded in number, and
 * leave nothing behind once answered.
 */
@ProjectionIntegrationTest
class WaitingReadsIT {

    private static final String PROBLEMS = "https://commitments-ledger.dev/problems/";
    private static final int MANY = 300;

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    Http http;
    LedgerTopic topic;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        topic = new LedgerTopic(brokers);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    private CommitmentId agreedAndVisible(String prefix) {
        CommitmentId id = newId(prefix);
        topic.publish(agreed(id, "jp-uk-digital-partnership", "ai", "Secure AI models", FAR_AHEAD), 0);
        http.awaitVersion(id, 0);
        return id;
    }

    /** {@code count} reads of unknown commitments, each waiting up to {@code wait} for a version that never comes. */
    private List<CompletableFuture<Response>> waitingReads(int count, String wait) {
        List<CompletableFuture<Response>> reads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reads.add(http.getRawAsync(
                    "/api/v1/commitments/" + newId("never") + "/timeline?minVersion=99999&wait=" + wait));
        }
        return reads;
    }

    private static long answered(List<CompletableFuture<Response>> reads, Predicate<Response> which) {
        return reads.stream().map(CompletableFuture::join).filter(which).count();
    }

    private static boolean problem(Response response, int status, String type) {
        return response.status() == status
                && response.json().get("type").asString().equals(PROBLEMS + type);
    }

    @Test
    void answersAnOrdinaryReadQuicklyWhileManyReadsWait() throws Exception {
        CommitmentId ordinary = agreedAndVisible("ordinary");
        List<CompletableFuture<Response>> waiting = waitingReads(MANY, "4s");
        // every read the bound admits is waiting (the rest were refused at once) before the ordinary read is timed
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingReads() == MAX_WAITING_READS);

        long started = System.nanoTime();
        Response response = http.get("/api/v1/commitments/" + ordinary);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).join();
    }

    @Test
    void refusesWaitsBeyondTheBoundWith503AndRetryAfterInsteadOfQueueingThem() {
        List<CompletableFuture<Response>> waiting = waitingReads(MANY, "4s");

        List<Response> refused = waiting.stream()
                .map(CompletableFuture::join)
                .filter(r -> problem(r, 503, "too-many-waiting-reads"))
                .toList();
        assertThat(refused).hasSize(MANY - MAX_WAITING_READS);
        assertThat(refused).allSatisfy(r -> assertThat(r.retryAfter()).isNotBlank());
        assertThat(answered(waiting, r -> problem(r, 404, "commitment-not-found")))
                .isEqualTo(MAX_WAITING_READS);
    }

    @Test
    void answers404ForAnUnknownCommitmentWhenItsWaitForAVersionEnds() {
        Response response = http.get("/api/v1/commitments/" + newId("unknown") + "?minVersion=3&wait=200ms");

        assertThat(problem(response, 404, "commitment-not-found"))
                .as(response.body())
                .isTrue();
    }

    @Test
    void answers404ForTheTimelineOfAnUnknownCommitmentWhenItsWaitForAVersionEnds() {
        Response response = http.get("/api/v1/commitments/" + newId("unknown") + "/timeline?minVersion=0&wait=0s");

        assertThat(problem(response, 404, "commitment-not-found"))
                .as(response.body())
                .isTrue();
    }

    @Test
    void waitsForTheFirstEventOfACommitmentAgreedJustBeforeTheRead() {
        CommitmentId id = newId("fresh");
        CompletableFuture<Response> reader = http.getRawAsync("/api/v1/commitments/" + id + "?minVersion=0&wait=20s");

        topic.publish(agreed(id, "jp-uk-digital-partnership", "ai", "Secure AI models", FAR_AHEAD), 0);

        Response response = reader.join();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).isZero();
    }

    @Test
    void keepsAWaiterOnlyWhileAReadWaits() {
        CommitmentId id = agreedAndVisible("waiter");
        CompletableFuture<Response> reader = http.getRawAsync("/api/v1/commitments/" + id + "?minVersion=1&wait=20s");
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingReads() == 1);

        topic.publish(new ProgressReported(id, "Model evaluations shared", null, DSIT, MEETING), 1);

        assertThat(reader.join().status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> waitingReads() == 0);
    }

    @Test
    void leavesNoWaiterBehindHoweverManyDistinctCommitmentsAreRead() {
        List<CompletableFuture<Response>> reads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String path = "/api/v1/commitments/" + newId("distinct");
            reads.add(http.getRawAsync(path));
            reads.add(http.getRawAsync(path + "/timeline"));
            reads.add(http.getRawAsync(path + "?minVersion=0&wait=0s"));
            reads.add(http.getRawAsync(path + "/timeline?minVersion=2&wait=50ms"));
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();

        await().atMost(Duration.ofSeconds(5)).until(() -> waitingReads() == 0);
        assertThat(answered(reads, r -> r.status() == 404)).isEqualTo(reads.size());
    }

    private double waitingReads() {
        Response metric = http.get("/actuator/metrics/ledger.projection.waiting.reads");
        assertThat(metric.status())
                .as("the metric ledger.projection.waiting.reads")
                .isEqualTo(200);
        return metric.json().at("/measurements/0/value").asDouble();
    }
}
