package io.commitmentsledger.projection.health;

import io.commitmentsledger.projection.consumer.ConsumerLag;
import io.commitmentsledger.projection.consumer.LiveProjectionListener;
import io.commitmentsledger.projection.consumer.ProjectionProgress;
import io.commitmentsledger.projection.consumer.ProjectionProperties;
import io.commitmentsledger.projection.rebuild.RebuildStatus;
import io.commitmentsledger.projection.rebuild.Rebuilder;
import io.commitmentsledger.projection.store.Generations;
import io.commitmentsledger.projection.store.Incident;
import io.commitmentsledger.projection.store.Incidents;
import io.commitmentsledger.projection.store.SequenceHole;
import io.commitmentsledger.projection.store.SequenceHoles;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code projection}: DOWN when the projection is stuck, that is when its consumer
 * is not running, or events wait on the topic and nothing has been applied for {@code ledger.projection.stuck-after};
 * and DOWN while an incident is open (an event the ledger recorded that the projection could not apply, {@code
 * ledger.projection.incidents}): reads go on, but some commitments are stale. It is in neither probe group: restarting
 * or unrouting the service would not help.
 * Shows the lag per partition ({@link ConsumerLag}) and any holes in commitments' sequences ({@code ledger.projection.sequence.holes}).
 */
@Component("projection")
class ProjectionHealth extends AbstractHealthIndicator {

    private static final long TIMEOUT_SECONDS = 3;

    private final ConsumerLag consumerLag;
    private final KafkaListenerEndpointRegistry listeners;
    private final ProjectionProgress progress;
    private final ProjectionProperties properties;
    private final SequenceHoles holes;
    private final Incidents incidents;
    private final Generations generations;
    private final Clock clock;
    private final Instant startedAt;
    private final BooleanSupplier rebuildHoldsTheConsumer;

    ProjectionHealth(
            ConsumerLag consumerLag,
            KafkaListenerEndpointRegistry listeners,
            ProjectionProgress progress,
            ProjectionProperties properties,
            SequenceHoles holes,
            Incidents incidents,
            Generations generations,
            Clock clock,
            MeterRegistry registry,
            Rebuilder rebuilder) {
        super("Projection health check failed");
        this.consumerLag = consumerLag;
        this.listeners = listeners;
        this.progress = progress;
        this.properties = properties;
        this.holes = holes;
        this.incidents = incidents;
        this.generations = generations;
        this.clock = clock;
        this.startedAt = clock.instant();
        // a rebuild pauses the consumer on purpose while it switches generations
        this.rebuildHoldsTheConsumer = () -> rebuilder
                .status()
                .filter(status -> status.state() == RebuildStatus.State.SWITCHING)
                .isPresent();
        Gauge.builder("ledger.projection.sequence.holes", holes, SequenceHoles::count)
                .description("Commitments whose events wait for a missing earlier sequence number")
                .register(registry);
        Gauge.builder("ledger.projection.incidents", incidents, Incidents::count)
                .description("Events the ledger recorded that the projection could not apply, still unresolved")
                .register(registry);
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        MessageListenerContainer consumer = listeners.getListenerContainer(LiveProjectionListener.ID);
        Map<Integer, Long> lag = consumerLag.current();
        long waiting = lag.values().stream().mapToLong(Long::longValue).sum();
        Instant lastApplied = progress.lastAppliedAt().orElse(startedAt);
        Duration idle = Duration.between(lastApplied, clock.instant());
        List<SequenceHole> parked = holes.current();
        List<Incident> open = incidents.current();
        health.withDetail("lagByPartition", lag)
                .withDetail("holes", parked)
                .withDetail("incidents", open)
                .withDetail("activeGeneration", generations.active().schema());
        boolean running = consumer != null && consumer.isRunning();
        if (!running) {
            health.down().withDetail("reason", "the consumer is not running");
        } else if (!open.isEmpty()) {
            health.down()
                    .withDetail(
                            "reason",
                            open.size() + " events the ledger recorded could not be applied; their commitments are"
                                    + " stale (see incidents)");
        } else if (waiting > 0
                && !rebuildHoldsTheConsumer.getAsBoolean()
                && idle.compareTo(properties.stuckAfter()) > 0) {
            health.down().withDetail("reason", waiting + " events wait and none was applied for " + idle);
        } else {
            health.up();
        }
    }
}
