package io.commitmentsledger.benchmarks.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    /** Tests run in the module's directory; the services' configuration is beside it. */
    private static final Path REPOSITORY = Path.of("..");

    @Test
    void thePlainProducerTakesCommitmentsServicesProducerSettings() throws Exception {
        ServiceSettings.ProducerSettings settings = ServiceSettings.producer(REPOSITORY);
        assertThat(settings.properties())
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsKey("linger.ms");
    }

    @Test
    void springBootsProducerKeysBecomeKafkasAndNestedPropertiesAreFlattened() {
        Map<String, Object> producer = new LinkedHashMap<>();
        producer.put("acks", "all");
        producer.put("batch-size", "64KB");
        producer.put("compression-type", "lz4");
        producer.put("key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        producer.put("transaction-id-prefix", "tx-");
        producer.put("properties", Map.of("linger", Map.of("ms", 20), "enable.idempotence", true));
        ServiceSettings.ProducerSettings settings = ServiceSettings.producer(producer);
        assertThat(settings.properties())
                .containsEntry("acks", "all")
                .containsEntry("batch.size", "65536")
                .containsEntry("compression.type", "lz4")
                .containsEntry("linger.ms", "20")
                .containsEntry("enable.idempotence", "true")
                .doesNotContainKey("key.serializer");
        assertThat(settings.ignored()).containsExactly("transaction-id-prefix=tx-");
    }

    @Test
    void theLagFollowsProjectionServicesConsumerGroup() throws Exception {
        assertThat(ServiceSettings.projectionGroup(REPOSITORY)).isEqualTo("projection-service");
    }
}
