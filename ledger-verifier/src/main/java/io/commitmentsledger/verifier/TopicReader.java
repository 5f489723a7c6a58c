package io.commitmentsledger.verifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The verifier's only use of Kafka: reads every partition of a topic from its beginning to the end offsets it had when
 * first asked, without a consumer group (nothing is committed, nothing on the broker changes), and hands each record
 * over as a {@link TopicRecord}. Reading a topic again reads exactly the same records.
 */
final class TopicReader implements AutoCloseable {

    /** How long reading may go without a record before the broker is declared unreachable. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Map<TopicPartition, Long>> endOffsets = new HashMap<>();

    TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ledger-verifier");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Only what the ledger committed: a record of an aborted transaction is not in the log.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Hands over every record of {@code topic}, partition by partition; throws {@link UsageError} if unreadable. */
    void read(String topic, Consumer<TopicRecord> action) throws UsageError {
        try {
            Map<TopicPartition, Long> ends = endOffsets.computeIfAbsent(topic, this::endOffsetsOf);
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                readPartition(end.getKey(), end.getValue(), action);
            }
        } catch (KafkaException | IllegalStateException e) {
            throw new UsageError(
                    "cannot read the topic " + topic + " from " + bootstrapServers + ": " + e.getMessage());
        }
    }

    private Map<TopicPartition, Long> endOffsetsOf(String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, PATIENCE);
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("it does not exist on the broker");
        }
        List<TopicPartition> topicPartitions = partitions.stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        consumer.endOffsets(topicPartitions, PATIENCE).forEach(ends::put);
        return ends;
    }

    private void readPartition(TopicPartition partition, long end, Consumer<TopicRecord> action) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long waitingSince = System.nanoTime();
        while (consumer.position(partition, PATIENCE) < end) {
            var records = consumer.poll(Duration.ofMillis(200));
            if (records.isEmpty()) {
                if (System.nanoTime() - waitingSince > PATIENCE.toNanos()) {
                    throw new IllegalStateException("no record from partition " + partition.partition() + " at offset "
                            + consumer.position(partition) + " in " + PATIENCE.toSeconds() + " s; it ends at " + end);
                }
                continue;
            }
            waitingSince = System.nanoTime();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.offset() < end) {
                    action.accept(topicRecord(record));
                }
            }
        }
    }

    private static TopicRecord topicRecord(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            // The last value of a header wins, as Headers.lastHeader reads it.
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new TopicRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                headers,
                record.value() == null ? new byte[0] : record.value());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
