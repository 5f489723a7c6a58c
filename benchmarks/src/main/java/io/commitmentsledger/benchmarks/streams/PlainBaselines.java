package io.commitmentsledger.benchmarks.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/** Plain Kafka clients on the ledger's broker: what the ledger's publisher and consumers are compared with. */
final class PlainBaselines {

    /** A record's value and headers, as the ledger published them. */
    record Sample(byte[] value, Iterable<Header> headers) {}

    /** What a plain client did: records, how long it took, the first failure if any. */
    record Run(
            long records, long nanos, long bytes, @Nullable String failure) {
        double perSecond() {
            return records / (nanos / 1e9);
        }
    }

    private PlainBaselines() {}

    /**
     * Reads up to {@code count} of the ledger's records from {@code from} on: the values and headers the plain
     * producer sends again, so its records have the very sizes of the ledger's.
     */
    static List<Sample> samples(String bootstrapServers, Map<TopicPartition, Long> from, int count, Duration limit) {
        List<Sample> samples = new ArrayList<>(count);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers, null))) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + limit.toNanos();
            while (samples.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (samples.size() < count) {
                        samples.add(new Sample(record.value(), record.headers()));
                    }
                }
            }
        }
        return samples;
    }

    /**
     * Sends {@code count} records, keyed by {@code keys}, values and headers taken from {@code samples} in turn, to
     * {@code topic} with {@code producerSettings} (commitments-service's), and times it until every one is
     * acknowledged.
     */
    static Run produce(
            String bootstrapServers,
            String topic,
            Map<String, String> producerSettings,
            long count,
            IntFunction<String> keys,
            List<Sample> samples,
            Duration limit) {
        Map<String, Object> config = new HashMap<>(producerSettings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "streams-benchmark-plain-producer");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<@Nullable String> failure = new AtomicReference<>();
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.partitionsFor(topic); // metadata first, as the service has it long before it publishes
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Sample sample = samples.get(i % samples.size());
                bytes += sample.value().length;
                producer.send(
                        new ProducerRecord<>(topic, null, keys.apply(i), sample.value(), sample.headers()),
                        (metadata, exception) -> {
                            if (exception == null) {
                                acknowledged.incrementAndGet();
                            } else {
                                failure.compareAndSet(null, exception.toString());
                            }
                        });
                if ((i & 0xfff) == 0 && System.nanoTime() - start > limit.toNanos()) {
                    failure.compareAndSet(null, "cut short after " + limit + " at record " + i);
                    break;
                }
            }
            producer.flush(); // returns once every record sent is acknowledged or failed
            return new Run(acknowledged.get(), System.nanoTime() - start, bytes, failure.get());
        }
    }

    /**
     * A plain consumer in a fresh group, default settings but for earliest, reads {@code partitions} from the start
     * to the end offsets they had when it began, deserialising keys to String and values to bytes and nothing else.
     */
    static Run consume(String bootstrapServers, String group, List<TopicPartition> partitions, Duration limit) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers, group))) {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            // assigned rather than subscribed: the group's first rebalance delay is no part of reading
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            long records = 0;
            long bytes = 0;
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    bytes += record.value().length;
                }
                if (System.nanoTime() - start > limit.toNanos()) {
                    return new Run(records, System.nanoTime() - start, bytes, "cut short after " + limit);
                }
            }
            return new Run(records, System.nanoTime() - start, bytes, null);
        }
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers, @Nullable String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "streams-benchmark-plain-consumer");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        } else {
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        }
        return config;
    }
}
