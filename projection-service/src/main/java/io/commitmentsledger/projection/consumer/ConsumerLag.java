package io.commitmentsledger.projection.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The projection's consumer lag per partition: records on the topic beyond the group's committed offset, as the
 * broker sees them (so it is right even when the consumer is stuck). Published as
 * {@code ledger.projection.consumer.lag{partition}}, refreshed every few seconds.
 */
@Component
public class ConsumerLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    private static final long TIMEOUT_SECONDS = 3;

    private final AdminClient admin;
    private final String topic;
    private final String groupId;
    private final MultiGauge gauge;

    ConsumerLag(KafkaAdmin kafkaAdmin, KafkaProperties kafka, ProjectionProperties properties, MeterRegistry registry) {
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        this.topic = properties.topic();
        this.groupId = kafka.getConsumer().getGroupId();
        this.gauge = MultiGauge.builder("ledger.projection.consumer.lag")
                .description("Records on the event topic not yet applied by the projection, per partition")
                .baseUnit("records")
                .register(registry);
    }

    /** Asks the broker now. */
    public Map<Integer, Long> current() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<Integer, Long> lag = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata position = committed.get(partition);
            lag.put(partition.partition(), ends.get(partition).offset() - (position == null ? 0 : position.offset()));
        }
        return lag;
    }

    @Scheduled(fixedDelayString = "${ledger.projection.lag-refresh:5s}")
    void refresh() {
        try {
            gauge.register(
                    current().entrySet().stream()
                            .map(entry -> MultiGauge.Row.of(
                                    Tags.of(
                                            "topic",
                                            topic,
                                            "partition",
                                            entry.getKey().toString()),
                                    entry.getValue()))
                            .toList(),
                    true);
        } catch (Exception e) {
            log.debug("Could not refresh the consumer lag: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
