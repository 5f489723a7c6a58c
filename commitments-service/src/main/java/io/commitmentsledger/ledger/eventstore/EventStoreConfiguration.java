package io.commitmentsledger.ledger.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventRevision;
import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Axon stores events in PostgreSQL. The tables themselves are created by Flyway ({@code db/migration}). */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /** PostgreSQL's SQLSTATE for a unique violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Snake-case names, so the tables read naturally in SQL; see {@code V1__event_store.sql}. */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it, but with the gap settings made explicit and
     * configurable ({@link EventStoreProperties}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            EventStoreProperties properties) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .gapTimeout(Math.toIntExact(properties.gapTimeout().toMillis()))
                .maxGapOffset(properties.maxGapOffset())
                .build();
    }

    /** Axon's event store as its auto-configuration builds it, but looking again after {@code fetchDelay}. */
    @Bean
    EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration,
            EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.fetchDelay().toMillis())
                .build();
    }

    /** Snake-case names for the tracking tokens of event processors; see {@code V3__token_store.sql}. */
    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Tells Axon that a second writer of the same (aggregate, sequence) lost the race. Axon's default resolver only
     * recognises {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws, so
     * without this a conflict would surface as a generic storage error instead of a concurrency conflict.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The ledger's revisions and upcasters, as api-contracts ships them to every subscriber. */
    @Bean
    EventUpcasters eventUpcasters() {
        return EventUpcasters.ledger();
    }

    /**
     * Events are stored at their current revision as {@link EventUpcasters} knows it (which is what each record's
     * {@link EventRevision} declares); api-contracts carries no Axon dependency.
     */
    @Bean
    RevisionResolver revisionResolver(EventUpcasters upcasters) {
        return payloadType -> CommitmentEvent.class.isAssignableFrom(payloadType)
                ? Integer.toString(upcasters.currentRevision(payloadType.asSubclass(CommitmentEvent.class)))
                : null;
    }

    /**
     * Axon 4 serializes with Jackson 2 (Boot 4 itself uses Jackson 3). ISO-8601 dates, so stored events read as
     * {@code "2024-01-16"} and not as arrays or epoch numbers. Axon picks this bean up by its name.
     */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
