package io.commitmentsledger.ledger.publication;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends records without waiting between them, then waits until Kafka has acknowledged every one ({@code acks=all},
 * idempotent producer), for at most {@code ledger.publication.send-timeout}. Records of one commitment share a
 * partition and the idempotent producer keeps their order.
 */
@Component
class RecordSender {

    private static final Logger log = LoggerFactory.getLogger(RecordSender.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final PublicationProperties properties;

    RecordSender(KafkaTemplate<String, byte[]> kafka, PublicationProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Returns once Kafka has acknowledged every record; throws {@link PublicationFailed} otherwise. */
    void sendAndAwait(List<ProducerRecord<String, byte[]>> records) {
        CompletableFuture<?>[] sends = records.stream().map(kafka::send).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn(
                    "Kafka did not acknowledge a batch of {} events; it will be retried: {}",
                    sends.length,
                    e.toString());
            // A fresh producer for the retry: the old one may hold a fenced id or a dead connection.
            kafka.getProducerFactory().reset();
            throw new PublicationFailed("Kafka did not acknowledge " + sends.length + " events", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublicationFailed("interrupted while waiting for Kafka", e);
        }
    }
}
