package io.commitmentsledger.ledger.publication;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code publication}: how many recorded events Kafka has not yet acknowledged
 * ({@link PublicationLag}). The lag is read from the event store and the publisher's tokens in PostgreSQL, so this
 * component, not {@code kafka}, turns DOWN when the database cannot be reached. A broker outage leaves it UP with a
 * growing lag (the {@code kafka} component shows the broker). Like {@code kafka}, it stays out of readiness.
 */
@Component("publication")
class PublicationHealth extends AbstractHealthIndicator {

    private final PublicationLag lag;

    PublicationHealth(PublicationLag lag) {
        super("Publication health check failed (reading the lag from the event store)");
        this.lag = lag;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.up().withDetail("publicationLag", lag.current());
    }
}
