package io.commitmentsledger.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.Http.Response;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.RestartablePostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * projection-service's PostgreSQL crashes (SIGKILL) under the running service and comes back on the same address.
 * While it is away a read answers 503 database-unavailable with Retry-After within a couple of seconds (never a 500,
 * never the pool's old 30 s wait) and readiness turns 503; once it is back, reads answer again and the events that
 * arrived meanwhile are applied, without restarting the service.
 *
 * <p>Runs in a JVM of its own (the {@code database-outage} failsafe execution), so that its broker and database
 * never meet the shared test context's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(
        partitions = 3,
        topics = {EventTypes.DEFAULT_TOPIC, EventTypes.DEFAULT_TOPIC + ".DLT"})
@DirtiesContext
class DatabaseOutageIT {

    /** What "within a couple of seconds" means here: the pool's 2 s connection timeout and some slack. */
    private static final Duration FAST_ANSWER = Duration.ofSeconds(3);

    private static final RestartablePostgres POSTGRES = new RestartablePostgres(Path.of(
            "target/it-projection-postgres-db-outage-" + ProcessHandle.current().pid()));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::username);
    }

    @AfterAll
    static void stopDatabase() {
        POSTGRES.stop();
    }

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    @Test
    void answers503FastWhileTheDatabaseIsAwayAndCatchesUpByItself() {
        Http http = new Http(port);
        CommitmentId before = LedgerTopic.newId("db-outage");
        CommitmentId during = LedgerTopic.newId("db-outage");
        try (LedgerTopic topic = new LedgerTopic(brokers)) {
            topic.publish(
                    LedgerTopic.agreed(before, "jp-uk-digital-partnership", "ai", "Before", LedgerTopic.FAR_AHEAD), 0);
            http.awaitVersion(before, 0);

            POSTGRES.kill();
            topic.publish(
                    LedgerTopic.agreed(during, "jp-uk-digital-partnership", "ai", "During", LedgerTopic.FAR_AHEAD), 0);

            for (String path : new String[] {"/api/v1/commitments/" + before, "/api/v1/commitments?size=5"}) {
                long started = System.nanoTime();
                Response response = http.get(path);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                System.out.printf(
                        "DatabaseOutageIT: GET %s answered %d in %d ms while the database was down%n",
                        path, response.status(), took.toMillis());
                assertThat(response.status()).as(response.body()).isEqualTo(503);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("type").asString())
                        .isEqualTo("https://commitments-ledger.dev/problems/database-unavailable");
                assertThat(response.retryAfter()).as(path).matches("[1-9][0-9]*");
                assertThat(took).as(path).isLessThan(FAST_ANSWER);
            }

            long outageNoticed = System.nanoTime();
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/actuator/health/readiness").status() == 503);
            System.out.printf(
                    "DatabaseOutageIT: readiness answered 503 within %d ms%n",
                    Duration.ofNanos(System.nanoTime() - outageNoticed).toMillis());
            JsonNode health = http.get("/actuator/health").json();
            assertThat(health.at("/components/db/status").asString())
                    .as(health.toString())
                    .isEqualTo("DOWN");

            POSTGRES.start();
            long restarted = System.nanoTime();

            // the client asks again until it gets an answer: 503 meanwhile, never a 500
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        Response response = http.get("/api/v1/commitments/" + before);
                        assertThat(response.status()).as(response.body()).isIn(200, 503);
                        return response.status() == 200;
                    });
            System.out.printf(
                    "DatabaseOutageIT: reads answered again %d ms after the database restarted%n",
                    Duration.ofNanos(System.nanoTime() - restarted).toMillis());
            assertThat(http.get("/api/v1/commitments/" + before)
                            .json()
                            .get("title")
                            .asString())
                    .isEqualTo("Before");
            // the event published while the database was away is applied once it is back, not dead-lettered
            assertThat(http.awaitVersion(during, 0).get("title").asString()).isEqualTo("During");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> http.get("/actuator/health/readiness").status() == 200);
        }
    }
}
