package io.commitmentsledger.ledger;

import static io.commitmentsledger.ledger.support.LedgerClient.progressBody;
import static io.commitmentsledger.ledger.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.RestartablePostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The write side's PostgreSQL crashes (SIGKILL) under the running service and comes back on the same address. While
 * it is away every request answers 503 database-unavailable with Retry-After within a couple of seconds (never a 500,
 * never the pool's old 30 s wait), readiness turns 503, and health blames the database, not Kafka. Once it is back,
 * commands succeed again without restarting the service, and nothing acknowledged before the crash is lost.
 *
 * <p>Runs in a JVM of its own (the {@code database-outage} failsafe execution): a second Axon application in the JVM
 * of the shared test context leaves that context without command handlers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 3, topics = EventTypes.DEFAULT_TOPIC)
@DirtiesContext
class DatabaseOutageIT {

    /** What "within a couple of seconds" means here: the pool's 2 s connection timeout and some slack. */
    private static final Duration FAST_ANSWER = Duration.ofSeconds(3);

    private static final RestartablePostgres POSTGRES = new RestartablePostgres(
            Path.of("target/it-postgres-db-outage-" + ProcessHandle.current().pid()));

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

    @Test
    void answers503FastWhileTheDatabaseIsAwayAndRecoversByItself() {
        LedgerClient client = new LedgerClient(port);
        Map<String, Integer> acknowledgedEvents = new LinkedHashMap<>();
        for (int n = 0; n < 5; n++) {
            String id = client.agreeNew("db-outage");
            Response progress =
                    client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("before the crash"));
            assertThat(progress.status()).as(progress.body()).isEqualTo(200);
            acknowledgedEvents.put(id, 2);
        }
        String commitment = acknowledgedEvents.keySet().iterator().next();
        ListAppender<ILoggingEvent> kafkaHealthLog =
                capture("io.commitmentsledger.ledger.publication.KafkaBrokerHealth");

        POSTGRES.kill();

        String retryKey = UUID.randomUUID().toString();
        Supplier<Response> progressReport = () -> client.post(
                "/api/v1/commitments/" + commitment + "/progress-reports",
                progressBody("during the outage"),
                "Idempotency-Key",
                retryKey);
        Map<String, Supplier<Response>> requests = new LinkedHashMap<>();
        requests.put("a command on an existing commitment", progressReport);
        requests.put(
                "a new agreement",
                () -> client.post("/api/v1/commitments", LedgerClient.agreeBody(LedgerClient.uniqueId("db-outage"))));
        requests.put("a history read", () -> client.get("/api/v1/commitments/" + commitment + "/events"));
        requests.forEach((what, request) -> {
            long started = System.nanoTime();
            Response response = request.get();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf(
                    "DatabaseOutageIT: %s answered %d in %d ms while the database was down%n",
                    what, response.status(), took.toMillis());
            assertProblem(response, 503, "database-unavailable");
            assertThat(response.header("Retry-After")).as(what).matches("[1-9][0-9]*");
            assertThat(took).as(what).isLessThan(FAST_ANSWER);
        });

        long outageNoticed = System.nanoTime();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> client.get("/actuator/health/readiness").status() == 503);
        System.out.printf(
                "DatabaseOutageIT: readiness answered 503 within %d ms%n",
                Duration.ofNanos(System.nanoTime() - outageNoticed).toMillis());
        JsonNode health = client.get("/actuator/health").json();
        assertThat(health.at("/components/db/status").asString())
                .as(health.toString())
                .isEqualTo("DOWN");
        assertThat(health.at("/components/kafka/status").asString())
                .as(health.toString())
                .isEqualTo("UP");
        assertThat(health.at("/components/publication/status").asString())
                .as(health.toString())
                .isEqualTo("DOWN");
        assertThat(kafkaHealthLog.list).as("the kafka health check's log").isEmpty();

        POSTGRES.start();
        long restarted = System.nanoTime();

        // the client retries with the same key until the command goes through: 503 meanwhile, never a 500
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Response response = progressReport.get();
                    assertThat(response.status()).as(response.body()).isIn(200, 503);
                    return response.status() == 200;
                });
        System.out.printf(
                "DatabaseOutageIT: commands succeeded again %d ms after the database restarted%n",
                Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        acknowledgedEvents.merge(commitment, 1, Integer::sum);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.get("/actuator/health/readiness").status() == 200);
        acknowledgedEvents.forEach(
                (id, events) -> assertThat(client.eventCount(id)).as(id).isEqualTo(events));
    }

    /** The WARN and ERROR lines the named logger writes from now on. */
    private static ListAppender<ILoggingEvent> capture(String loggerName) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        ListAppender<ILoggingEvent> appender = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                    super.append(event);
                }
            }
        };
        appender.start();
        logger.addAppender(appender);
        return appender;
    }
}
