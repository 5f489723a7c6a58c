package io.commitmentsledger.benchmarks.streams;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The event topic's end offsets and projection-service's committed offsets, summed over the partitions. */
final class TopicOffsets {

    private final Admin admin;
    private final String topic;
    private final String group;
    private final TopicDescription description;

    TopicOffsets(Admin admin, String topic, String group) throws ExecutionException, InterruptedException {
        this.admin = admin;
        this.topic = topic;
        this.group = group;
        this.description =
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }

    TopicDescription description() {
        return description;
    }

    List<TopicPartition> partitions() {
        return description.partitions().stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
    }

    /** Each partition's end offset: the records on the topic, since the topic keeps every record from offset 0. */
    Map<TopicPartition, Long> ends() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest =
                partitions().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    long end() throws ExecutionException, InterruptedException {
        return ends().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * What projection-service's live consumer has applied: its group's committed offsets (Spring Kafka commits after
     * the records of each poll are applied); a partition it has not committed on counts from 0.
     */
    long applied() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return committed.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }
}
