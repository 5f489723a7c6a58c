package io.commitmentsledger.projection.consumer;

import io.commitmentsledger.projection.store.ApplyOutcome;
import io.commitmentsledger.projection.store.ReadModelQueries;
import io.commitmentsledger.projection.summary.IncomingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the consumer has done: counters per outcome, when it last applied something, how old the newest applied
 * event is ({@code ledger.projection.newest.event.age}), and a way for readers to wait until a commitment's change
 * has been applied (read-your-writes). A waiter exists only while a reader waits ({@code
 * ledger.projection.waiting.reads} counts them): memory does not grow with how many commitments were read.
 */
@Component
public class ProjectionProgress {

    private final Clock clock;
    private final Map<ApplyOutcome, Counter> outcomes = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final AtomicReference<@Nullable Instant> newestRecordedAt = new AtomicReference<>();
    private final AtomicReference<@Nullable Instant> lastAppliedAt = new AtomicReference<>();
    /** Per commitment, the readers waiting for its next change; a set is only changed inside its map entry's lock. */
    private final Map<String, Set<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();

    private final AtomicInteger waiting = new AtomicInteger();

    ProjectionProgress(MeterRegistry registry, Clock clock, ReadModelQueries queries) {
        this.registry = registry;
        this.clock = clock;
        // after a restart the age still means something: start from what the read model holds
        queries.newestRecordedAt().ifPresent(newestRecordedAt::set);
        Gauge.builder("ledger.projection.newest.event.age", this, ProjectionProgress::newestEventAgeSeconds)
                .description("Seconds since the ledger recorded the newest event the projection has applied")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("ledger.projection.waiting.reads", waiting, AtomicInteger::get)
                .description("Reads waiting for a commitment to reach a version (read-your-writes)")
                .register(registry);
    }

    /** Called after the transaction that applied {@code event} has committed. */
    void applied(IncomingEvent event, ApplyOutcome outcome) {
        outcomes.computeIfAbsent(
                        outcome,
                        o -> Counter.builder("ledger.projection.events")
                                .tag("outcome", o.name().toLowerCase())
                                .description("Events read from the topic, by what applying them did")
                                .register(registry))
                .increment();
        lastAppliedAt.set(clock.instant());
        newestRecordedAt.accumulateAndGet(event.recordedAt(), (a, b) -> a == null || b.isAfter(a) ? b : a);
        Set<CompletableFuture<Void>> woken = waiters.remove(event.commitmentId());
        if (woken != null) {
            woken.forEach(change -> change.complete(null));
        }
    }

    /**
     * Completes when the next event is applied to the commitment. Take it before reading the commitment, then wait
     * on it if what was read is too old: a change between the read and the wait is not missed. It is held only until
     * it completes or is cancelled, so cancel it when no longer waiting.
     */
    public CompletableFuture<Void> nextChange(String commitmentId) {
        CompletableFuture<Void> change = new CompletableFuture<>();
        waiting.incrementAndGet();
        waiters.compute(commitmentId, (id, changes) -> {
            Set<CompletableFuture<Void>> all = changes == null ? new HashSet<>() : changes;
            all.add(change);
            return all;
        });
        change.whenComplete((done, cancelled) -> {
            waiting.decrementAndGet();
            waiters.computeIfPresent(commitmentId, (id, changes) -> {
                changes.remove(change);
                return changes.isEmpty() ? null : changes;
            });
        });
        return change;
    }

    /** When the consumer last applied an event in this process; empty before the first. */
    public Optional<Instant> lastAppliedAt() {
        return Optional.ofNullable(lastAppliedAt.get());
    }

    private double newestEventAgeSeconds() {
        Instant newest = newestRecordedAt.get();
        return newest == null
                ? Double.NaN
                : Duration.between(newest, clock.instant()).toMillis() / 1000.0;
    }
}
