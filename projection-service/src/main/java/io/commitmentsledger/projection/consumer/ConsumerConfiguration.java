package io.commitmentsledger.projection.consumer;

import io.commitmentsledger.projection.store.Generations;
import io.commitmentsledger.projection.store.Incidents;
import io.commitmentsledger.projection.verification.RecordVerifier;
import io.commitmentsledger.projection.verification.RejectedRecord;
import io.commitmentsledger.projection.verification.Rejections;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;

/** What happens to records that cannot be applied. */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    /**
     * A record that cannot be read goes straight to the dead-letter topic, with the reason in its
     * {@code kafka_dlt-exception-*} headers, and the consumer goes on. A database that is away is waited for, without
     * limit: those records are fine and must not be lost. A record that is not verifiably the ledger's ({@link
     * RejectedRecord}) goes straight there too, counted, and is no incident. Anything else is tried three times, then
     * dead-lettered; if it is an event the ledger recorded, it is an incident ({@link FailedRecords}).
     */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(
            KafkaTemplate<Object, Object> kafka,
            ProjectionProperties properties,
            EventRecords records,
            RecordVerifier verifier,
            Rejections rejections,
            Incidents incidents,
            Generations generations,
            TransactionTemplate transaction) {
        var deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, exception) -> new TopicPartition(properties.deadLetterTopic(), -1));
        var recoverer =
                new FailedRecords(records, verifier, rejections, incidents, generations, transaction, deadLetters);
        var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 2));
        handler.addNotRetryableExceptions(
                UnreadableRecord.class, RejectedRecord.class, JacksonException.class, IllegalArgumentException.class);
        handler.setBackOffFunction((record, exception) -> databaseIsAway(exception) ? databaseAway() : null);
        return handler;
    }

    /**
     * Kept for ever, like the event topic: a dead-lettered record is evidence of an incident, and commitments-service's
     * eventTopics health check reports a dead-letter topic that would delete records (whichever service creates it
     * first on a fresh broker).
     */
    @Bean
    NewTopic deadLetterTopic(ProjectionProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic())
                .partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }

    private static ExponentialBackOff databaseAway() {
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

    private static boolean databaseIsAway(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }
}
