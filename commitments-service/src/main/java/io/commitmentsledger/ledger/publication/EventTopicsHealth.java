package io.commitmentsledger.ledger.publication;

import io.commitmentsledger.ledger.publication.TopicRetention.BrokerUnavailable;
import io.commitmentsledger.ledger.publication.TopicRetention.TopicReport;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code eventTopics}: whether the event topic, the dead-letter topic and the checkpoint topic keep
 * every record for ever ({@link TopicRetention}). DOWN, with each topic's problems, when one would delete records;
 * UNKNOWN when the broker does not answer (the {@code kafka} component reports that). Not part of the readiness
 * group: commands do not need Kafka.
 */
@Component("eventTopics")
class EventTopicsHealth extends AbstractHealthIndicator {

    private final TopicRetention retention;

    EventTopicsHealth(TopicRetention retention) {
        super("Event topic check failed");
        this.retention = retention;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        List<TopicReport> reports;
        try {
            reports = retention.check();
        } catch (BrokerUnavailable e) {
            health.unknown().withDetail("error", "the broker did not describe the topics: " + e.getMessage());
            return;
        }
        boolean keptForEver =
                reports.stream().allMatch(report -> report.problems().isEmpty());
        health.status(keptForEver ? Status.UP : Status.DOWN);
        for (TopicReport report : reports) {
            health.withDetail(report.topic(), report);
        }
    }
}
