package io.commitmentsledger.benchmarks.streams;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The services' own Kafka settings, read from their {@code application.yml} in the repository when the benchmark runs,
 * so the plain producer follows whatever commitments-service's producer is set to (acks, idempotence, linger, batch
 * size, compression) and the lag follows projection-service's consumer group.
 */
final class ServiceSettings {

    static final Path COMMITMENTS_SERVICE = Path.of("commitments-service/src/main/resources/application.yml");
    static final Path PROJECTION_SERVICE = Path.of("projection-service/src/main/resources/application.yml");
    static final String DEFAULT_GROUP = "projection-service";

    /** Spring Boot's {@code spring.kafka.producer.*} keys that are Kafka producer properties under another name. */
    private static final Map<String, String> SPRING_PRODUCER_KEYS = Map.of(
            "acks", "acks",
            "batch-size", "batch.size",
            "buffer-memory", "buffer.memory",
            "compression-type", "compression.type",
            "retries", "retries");

    /** Spring Boot's data sizes: 16KB, 1MB, or plain bytes. */
    private static final Pattern DATA_SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    private ServiceSettings() {}

    /** What the plain producer takes from commitments-service's producer settings, and what it had to leave out. */
    record ProducerSettings(Map<String, String> properties, List<String> ignored) {}

    static ProducerSettings producer(Path repository) throws IOException {
        Map<String, Object> producer =
                section(read(repository.resolve(COMMITMENTS_SERVICE)), "spring", "kafka", "producer");
        return producer(producer);
    }

    static ProducerSettings producer(Map<String, Object> springKafkaProducer) {
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        springKafkaProducer.forEach((key, value) -> {
            if (key.equals("properties") && value instanceof Map<?, ?> raw) {
                flatten("", raw, properties);
            } else if (SPRING_PRODUCER_KEYS.containsKey(key)) {
                String kafkaKey = SPRING_PRODUCER_KEYS.get(key);
                properties.put(
                        kafkaKey,
                        kafkaKey.equals("batch.size") || kafkaKey.equals("buffer.memory")
                                ? Long.toString(bytes(String.valueOf(value)))
                                : String.valueOf(value));
            } else if (!key.equals("key-serializer") && !key.equals("value-serializer")) {
                // the baseline's serializers are the service's (String keys, byte[] values); anything else is noted
                ignored.add(key + "=" + value);
            }
        });
        return new ProducerSettings(properties, ignored);
    }

    /** projection-service's consumer group, whose committed offsets say what it has applied. */
    static String projectionGroup(Path repository) throws IOException {
        Object group = section(read(repository.resolve(PROJECTION_SERVICE)), "spring", "kafka", "consumer")
                .get("group-id");
        return group == null ? DEFAULT_GROUP : group.toString();
    }

    private static Map<String, Object> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return document instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
        }
    }

    private static Map<String, Object> section(Map<String, Object> document, String... path) {
        Map<String, Object> current = document;
        for (String name : path) {
            Object next = current.get(name);
            if (!(next instanceof Map<?, ?> map)) {
                return Map.of();
            }
            current = stringKeys(map);
        }
        return current;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), value));
        return result;
    }

    /** {@code linger: {ms: 5}} and {@code linger.ms: 5} are the same Kafka property. */
    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> into) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, into);
            } else {
                into.put(name, String.valueOf(value));
            }
        });
    }

    static long bytes(@Nullable String size) {
        Matcher matcher = DATA_SIZE.matcher(String.valueOf(size).trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a data size: " + size);
        }
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2).toUpperCase(Locale.ROOT);
        return switch (unit) {
            case "KB" -> number * 1024;
            case "MB" -> number * 1024 * 1024;
            case "GB" -> number * 1024 * 1024 * 1024;
            default -> number;
        };
    }
}
