package io.commitmentsledger.projection.verification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The records the live consumer refused since this process started: counted by {@code
 * ledger.projection.rejected-records{check}}, logged once each at ERROR, the last one kept for health component
 * {@code recordVerification}. A rebuild re-reads records the live consumer refused already, so it logs its own and
 * leaves these alone.
 */
@Component
public class Rejections {

    private static final Logger log = LoggerFactory.getLogger(Rejections.class);

    /** The last refused record and when. */
    public record Last(RejectedRecord record, Instant at) {}

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<@Nullable Last> last = new AtomicReference<>();

    Rejections(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        // registered up front, so the metric reads 0 rather than not found before the first refusal
        for (RejectedRecord.Check check : RejectedRecord.Check.values()) {
            counter(check);
        }
    }

    /** Counts and logs a record the live consumer refused; {@code where} says where it was found. */
    public void rejected(RejectedRecord rejected, String where) {
        count.incrementAndGet();
        last.set(new Last(rejected, clock.instant()));
        counter(rejected.check()).increment();
        log.error(
                "Refused record {}: commitment {} sequence {} (log index {}) is not applied, failed check {}: {}",
                where,
                rejected.commitmentId(),
                rejected.sequence(),
                rejected.logIndex() == null ? "-" : rejected.logIndex(),
                rejected.check(),
                rejected.reason());
    }

    public long count() {
        return count.get();
    }

    public Optional<Last> last() {
        return Optional.ofNullable(last.get());
    }

    private Counter counter(RejectedRecord.Check check) {
        return Counter.builder("ledger.projection.rejected-records")
                .tag("check", check.name().toLowerCase())
                .description("Records refused because they are not, or not verifiably, events the ledger recorded")
                .register(registry);
    }
}
