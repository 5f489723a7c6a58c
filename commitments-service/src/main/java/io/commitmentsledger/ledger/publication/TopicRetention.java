package io.commitmentsledger.ledger.publication;

import io.commitmentsledger.ledger.log.LogProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The event topic, the dead-letter topic and the checkpoint topic must keep every record for ever: projection-service
 * rebuilds from the start of the topic, new subscribers and auditors read it from there, and an auditor checks every
 * checkpoint against the one before. A broker's defaults delete records after 7
 * days ({@code retention.ms=604800000}), so the service creates missing topics with {@link #keptForEver} and, since an
 * existing topic is left as its operator made it, checks all three at start-up: a topic that would delete records is
 * logged at ERROR and turns the {@code eventTopics} health component DOWN ({@link EventTopicsHealth}).
 */
@Component
class TopicRetention implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TopicRetention.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** The settings a topic is created with, and reported with. */
    static final List<String> SETTINGS = List.of(
            TopicConfig.RETENTION_MS_CONFIG,
            TopicConfig.RETENTION_BYTES_CONFIG,
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG,
            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);

    /** What one topic is set to, and why that loses records; no problems means it keeps them for ever. */
    record TopicReport(String topic, Map<String, String> settings, List<String> problems) {}

    private final AdminClient admin;
    private final PublicationProperties properties;
    private final LogProperties logProperties;

    TopicRetention(KafkaAdmin kafkaAdmin, PublicationProperties properties, LogProperties logProperties) {
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        this.properties = properties;
        this.logProperties = logProperties;
    }

    /**
     * A topic that keeps every record: no time or size limit, deletion (never compaction, which would keep only each
     * commitment's newest event), no out-of-date replica made leader, and with several replicas an acknowledgement
     * from at least two.
     */
    static NewTopic keptForEver(String name, int partitions, short replicas) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .config(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false")
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(Math.max(1, replicas - 1)))
                .build();
    }

    /** Checks once the topics have been created: logs each topic that would lose records at ERROR. */
    @EventListener(ApplicationReadyEvent.class)
    void checkAtStartUp() {
        try {
            for (TopicReport report : check()) {
                if (!report.problems().isEmpty()) {
                    log.error(
                            "Topic {} would lose events: {}. Fix it with kafka-configs --alter --entity-type topics"
                                    + " --entity-name {} --add-config retention.ms=-1 (see docs/events.md)",
                            report.topic(),
                            String.join("; ", report.problems()),
                            report.topic());
                }
            }
        } catch (BrokerUnavailable e) {
            log.warn(
                    "Could not check the topics' retention at start-up ({}); the eventTopics health component"
                            + " checks them while the service runs",
                    e.getMessage());
        }
    }

    /** The event topic, the dead-letter topic and the checkpoint topic as the broker holds them now. */
    List<TopicReport> check() {
        List<TopicReport> reports = new ArrayList<>();
        for (String topic :
                List.of(properties.topic(), properties.deadLetterTopic(), logProperties.checkpointTopic())) {
            reports.add(report(topic));
        }
        return reports;
    }

    private TopicReport report(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config;
        try {
            config = admin.describeConfigs(
                            List.of(resource), new DescribeConfigsOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .values()
                    .get(resource)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return new TopicReport(
                        topic,
                        Map.of(),
                        List.of("the topic does not exist; a producer may create it with the broker's defaults"));
            }
            throw new BrokerUnavailable(e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailable(e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : SETTINGS) {
            ConfigEntry entry = config.get(name);
            settings.put(name, entry == null ? "" : entry.value());
        }
        return new TopicReport(topic, settings, problems(settings));
    }

    private static List<String> problems(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        String retentionMs = settings.get(TopicConfig.RETENTION_MS_CONFIG);
        if (!"-1".equals(retentionMs)) {
            problems.add("retention.ms=" + retentionMs + " deletes records older than that; it must be -1");
        }
        String retentionBytes = settings.get(TopicConfig.RETENTION_BYTES_CONFIG);
        if (!"-1".equals(retentionBytes)) {
            problems.add("retention.bytes=" + retentionBytes
                    + " deletes the oldest records past that size per partition; it must be -1");
        }
        String cleanupPolicy = settings.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (cleanupPolicy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            problems.add("cleanup.policy=" + cleanupPolicy
                    + " compacts the topic down to each commitment's newest event; it must be delete");
        }
        if ("true".equals(settings.get(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG))) {
            problems.add("unclean.leader.election.enable=true lets an out-of-date replica lead and drop"
                    + " acknowledged records; it must be false");
        }
        return problems;
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }

    /** The broker did not describe the topics in time: nothing is known about them. */
    static final class BrokerUnavailable extends RuntimeException {
        BrokerUnavailable(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
