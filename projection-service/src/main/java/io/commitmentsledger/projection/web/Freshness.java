package io.commitmentsledger.projection.web;

import io.commitmentsledger.projection.store.Incidents;
import io.commitmentsledger.projection.store.ReadModelQueries;
import io.commitmentsledger.projection.store.ReadModelQueries.NewestEvent;
import io.commitmentsledger.projection.store.SequenceHoles;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How current the pages are: the newest event the read model has applied and when the ledger recorded it, how many
 * records wait on the topic (the consumer lag the service measures every few seconds), how many commitments wait
 * behind a missing event and how many recorded events could not be applied (incidents).
 */
@Component
class Freshness {

    private static final String LAG = "ledger.projection.consumer.lag";

    private final ReadModelQueries queries;
    private final Incidents incidents;
    private final SequenceHoles holes;
    private final MeterRegistry registry;
    private final Clock clock;

    Freshness(ReadModelQueries queries, Incidents incidents, SequenceHoles holes, MeterRegistry registry, Clock clock) {
        this.queries = queries;
        this.incidents = incidents;
        this.holes = holes;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * What a page says about how current it is.
     *
     * @param newest the newest applied event, null before any
     * @param waiting records on the topic not yet applied, as last measured
     * @param incidents recorded events the read model could not apply: their commitments are stale
     * @param holes commitments whose later events wait for a missing one
     */
    record Now(@Nullable NewestEvent newest, Instant shownAt, long waiting, int incidents, int holes) {

        public boolean behind() {
            return waiting > 0 || incidents > 0 || holes > 0;
        }
    }

    Now now() {
        return new Now(
                queries.newestEvent().orElse(null), clock.instant(), waiting(), incidents.count(), holes.count());
    }

    private long waiting() {
        double sum = 0;
        for (Gauge partition : registry.find(LAG).gauges()) {
            double lag = partition.value();
            if (!Double.isNaN(lag) && lag > 0) {
                sum += lag;
            }
        }
        return (long) sum;
    }
}
