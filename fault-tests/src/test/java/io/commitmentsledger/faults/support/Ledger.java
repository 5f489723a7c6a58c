package io.commitmentsledger.faults.support;

import static org.awaitility.Awaitility.await;

import io.commitmentsledger.seeds.ClientCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The ledger of one scenario as real processes: a PostgreSQL (a database for each service), a Kafka broker, the
 * authorization server, commitments-service and, when asked for, projection-service. Everything is registered with the
 * scenario's {@link Cleanup}.
 */
public final class Ledger {

    /** Request timeout of the load's clients: an answer later than this is a hang. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final PostgresServer postgres;
    private final KafkaBrokerServer broker;
    private final AuthorizationServerProcess authorizationServer;
    private final ServiceProcess commitmentsService;
    private final @Nullable ServiceProcess projectionService;
    private final Cleanup cleanup;

    private Ledger(
            PostgresServer postgres,
            KafkaBrokerServer broker,
            AuthorizationServerProcess authorizationServer,
            ServiceProcess commitmentsService,
            @Nullable ServiceProcess projectionService,
            Cleanup cleanup) {
        this.postgres = postgres;
        this.broker = broker;
        this.authorizationServer = authorizationServer;
        this.commitmentsService = commitmentsService;
        this.projectionService = projectionService;
        this.cleanup = cleanup;
    }

    /** Starts the ledger of {@code scenario} in {@code target/faults/<scenario>}, with or without the read side. */
    public static Ledger start(String scenario, Cleanup cleanup, boolean withProjection) {
        Path directory = Processes.freshDirectory(scenario);
        PostgresServer postgres = cleanup.add(PostgresServer.start(directory.resolve("postgres")));
        postgres.createDatabase("ledger");
        KafkaBrokerServer broker = cleanup.add(KafkaBrokerServer.start(directory.resolve("kafka")));
        AuthorizationServerProcess issuer = cleanup.add(AuthorizationServerProcess.start(directory));
        ServiceProcess ledger = cleanup.add(
                        ServiceProcess.commitmentsService(directory, postgres, "ledger", broker, issuer))
                .start();
        ServiceProcess projection = null;
        if (withProjection) {
            postgres.createDatabase("projection");
            projection = cleanup.add(ServiceProcess.projectionService(
                            directory, postgres, "projection", broker, "projection-service", issuer))
                    .start();
        }
        return new Ledger(postgres, broker, issuer, ledger, projection, cleanup);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBrokerServer broker() {
        return broker;
    }

    /** Tokens for each seed agency, {@code auditor} and {@code admin}. */
    public ClientCredentials credentials() {
        return authorizationServer.credentials();
    }

    /** A client that sends {@code party}'s token: {@code auditor} for reads, {@code admin} for rebuilds. */
    public Http http(Duration timeout, String party) {
        return Http.as(timeout, credentials(), party);
    }

    public ServiceProcess commitmentsService() {
        return commitmentsService;
    }

    public ServiceProcess projectionService() {
        if (projectionService == null) {
            throw new IllegalStateException("this scenario runs without projection-service");
        }
        return projectionService;
    }

    /** The steady load of every scenario: 12 clients, 25 commands/s in all, 3 commitments each. */
    public LoadGenerator startLoad(String prefix) {
        return cleanup.add(
                LoadGenerator.start(commitmentsService.uri(), credentials(), prefix, 12, 3, 25, REQUEST_TIMEOUT));
    }

    /** Waits until the load has had {@code count} commands acknowledged since {@code since}. */
    public static void awaitAcknowledged(LoadGenerator load, Instant since, int count) {
        await(count + " acknowledged commands")
                .atMost(Duration.ofMinutes(3))
                .until(() -> load.acknowledgedSince(since) >= count);
    }

    /** Waits, up to {@code atMost}, until {@code condition} holds; how long that took, or empty if it never did. */
    public static Optional<Duration> timeUntil(Duration atMost, BooleanSupplier condition) {
        Instant start = Instant.now();
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
            return Optional.of(Duration.between(start, Instant.now()));
        } catch (ConditionTimeoutException never) {
            return Optional.empty();
        }
    }

    /**
     * What the ledger holds of the (stopped) load: the store; the topic once it shows every acknowledged command; and,
     * with {@code readProjection}, every timeline once it shows the newest acknowledged version. Each wait gives up
     * after a few minutes, so that the tally names what is missing.
     */
    public Tally tally(LoadGenerator load, boolean readProjection) {
        List<LoadGenerator.Ack> acks = load.acks();
        List<Recorded> store = EventStore.read(postgres, "ledger", load.prefix());
        timeUntil(Duration.ofMinutes(2), () -> published(acks, load));
        List<Recorded> projection = null;
        if (readProjection) {
            Map<String, Long> newest = Projection.newestVersions(acks);
            Http reads = http(Duration.ofSeconds(20), "auditor");
            Projection.awaitVisible(projectionService().uri(), reads, newest, Duration.ofMinutes(3));
            projection = Projection.timelines(projectionService().uri(), reads, newest.keySet());
        }
        return new Tally(acks, store, topic(load), projection);
    }

    /** Whether every one of {@code acks} is on the topic now, as the event the store holds for it. */
    public boolean published(List<LoadGenerator.Ack> acks, LoadGenerator load) {
        List<Recorded> store = EventStore.read(postgres, "ledger", load.prefix());
        return new Tally(acks, store, topic(load), null).onTopic() == acks.size();
    }

    /** The topic's records of the load's commitments, as they are now. */
    public List<Recorded> topic(LoadGenerator load) {
        return EventTopic.read(broker.bootstrapServers(), load.prefix());
    }
}
