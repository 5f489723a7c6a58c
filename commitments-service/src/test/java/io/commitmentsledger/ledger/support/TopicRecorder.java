package io.commitmentsledger.ledger.support;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A subscriber that records everything on a topic from its beginning, as Apache Kafka's plain consumer sees it:
 * only kafka-clients, no Spring and no Axon.
 */
public final class TopicRecorder implements AutoCloseable {

    /** One record as received. */
    public record Received(String key, byte[] value, Map<String, String> headers, int partition, long offset) {

        public String header(String name) {
            return headers.get(name);
        }

        public long sequence() {
            return Long.parseLong(header(CloudEventHeaders.COMMITMENT_SEQUENCE));
        }

        public String eventId() {
            return header(CloudEventHeaders.ID);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread poller;

    public TopicRecorder(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
        poller = new Thread(this::poll, "topic-recorder");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Map<String, String> headers = new java.util.LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                    }
                    received.add(
                            new Received(record.key(), record.value(), headers, record.partition(), record.offset()));
                }
            }
        } catch (WakeupException stopping) {
            // close() asked the poller to stop
        } finally {
            consumer.close();
        }
    }

    /** Every record received so far for one commitment, in topic order. */
    public List<Received> forKey(String key) {
        return received.stream().filter(record -> key.equals(record.key())).toList();
    }

    /** Every record received so far, by key, each key's records in topic order. */
    public Map<String, List<Received>> byKey() {
        return received.stream().collect(Collectors.groupingBy(Received::key, Collectors.toList()));
    }

    /**
     * The sequence numbers of a key's records in topic order, with redeliveries of already-seen sequence numbers
     * dropped, as a subscriber deduplicating by sequence would see them.
     */
    public List<Long> firstSeenSequences(String key) {
        List<Long> sequences = new ArrayList<>();
        long highest = -1;
        for (Received record : forKey(key)) {
            if (record.sequence() > highest) {
                sequences.add(record.sequence());
                highest = record.sequence();
            } else if (!sequences.contains(record.sequence())) {
                // an older sequence we never saw, arriving after a newer one: out of order
                sequences.add(record.sequence());
            }
        }
        return sequences;
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        poller.join(5_000);
    }
}
