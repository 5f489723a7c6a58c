package io.commitmentsledger.ledger.log;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code verifiableLog}: UP with the log's size and its newest checkpoint's size
 * and age; DOWN when the stored tree no longer has the root the newest checkpoint signed, when the checkpointer found
 * the tree not extending it, or when the log has been ahead of its newest checkpoint for longer than {@code
 * ledger.log.checkpoint-lag-limit} (checkpoints cannot be signed or published). Not in the readiness group: commands
 * are recorded whatever becomes of the checkpoints. Also the gauges {@code ledger.log.size} and {@code
 * ledger.log.checkpoint.size}.
 */
@Component("verifiableLogHealthIndicator") // the component "verifiableLog"; that bean name is VerifiableLog's
class VerifiableLogHealth extends AbstractHealthIndicator implements MeterBinder {

    private final LogTree tree;
    private final Checkpoints checkpoints;
    private final Checkpointer checkpointer;
    private final LogProperties properties;

    VerifiableLogHealth(LogTree tree, Checkpoints checkpoints, Checkpointer checkpointer, LogProperties properties) {
        super("Verifiable log check failed");
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.checkpointer = checkpointer;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        long size = tree.size();
        Optional<Checkpoints.Stored> newest = checkpoints.newest();
        health.up().withDetail("logSize", size);
        newest.ifPresent(checkpoint -> health.withDetail("checkpointSize", checkpoint.treeSize())
                .withDetail("checkpointAge", age(checkpoint.signedAt()).toString()));
        if (newest.isPresent()
                && !MessageDigest.isEqual(
                        tree.root(newest.get().treeSize()), newest.get().rootHash())) {
            health.down()
                    .withDetail(
                            "error",
                            "the stored tree's root at size " + newest.get().treeSize()
                                    + " is not the root its checkpoint signed: the log has been altered");
            return;
        }
        Optional<String> inconsistency = checkpointer.inconsistency();
        if (inconsistency.isPresent()) {
            health.down().withDetail("error", inconsistency.get());
            return;
        }
        Optional<Instant> behindSince = checkpointer.behindSince();
        if (behindSince.isPresent()) {
            Duration behind = age(behindSince.get());
            health.withDetail("uncheckpointedFor", behind.toString());
            if (behind.compareTo(properties.checkpointLagLimit()) > 0) {
                health.down()
                        .withDetail(
                                "error",
                                "no checkpoint has covered the log's newest events for " + behind
                                        + " (limit ledger.log.checkpoint-lag-limit " + properties.checkpointLagLimit()
                                        + "): checkpoints cannot be signed, stored or published");
            }
        }
    }

    private Duration age(Instant instant) {
        return Duration.between(instant, Instant.now());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ledger.log.size", tree, LogTree::size)
                .description("Events in the verifiable log")
                .baseUnit("events")
                .register(registry);
        Gauge.builder(
                        "ledger.log.checkpoint.size",
                        checkpoints,
                        c -> c.newest().map(Checkpoints.Stored::treeSize).orElse(0L))
                .description("Events covered by the newest signed checkpoint")
                .baseUnit("events")
                .register(registry);
    }
}
