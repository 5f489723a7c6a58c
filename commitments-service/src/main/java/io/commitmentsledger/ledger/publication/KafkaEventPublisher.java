package io.commitmentsledger.ledger.publication;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Publishes every recorded event to Kafka, in global order, as the records {@link EventRecords} builds.
 *
 * <p>Axon's tracking event processor feeds it batches from the event store and keeps its position (tracking
 * token) in PostgreSQL. The handler only collects a batch's events; before the batch's token is stored, the batch is
 * sent and every send must be acknowledged ({@link RecordSender}). A failure rolls the batch back and the processor
 * retries it from the stored token: at least once, and in order per commitment.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSOR)
class KafkaEventPublisher {

    static final String PROCESSOR = "kafka-publisher";

    private static final String BATCH = KafkaEventPublisher.class.getName() + ".batch";

    private final EventRecords records;
    private final RecordSender sender;

    KafkaEventPublisher(EventRecords records, RecordSender sender) {
        this.records = records;
        this.sender = sender;
    }

    @EventHandler
    void publish(DomainEventMessage<?> message) {
        batch().add(message);
    }

    /**
     * The current batch's events; the first call in a batch arranges for them to be sent before it commits, with one
     * look-up of their global positions for the whole batch.
     */
    private List<DomainEventMessage<?>> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            unitOfWork.onPrepareCommit(work -> sender.sendAndAwait(records.of(batch)));
            return batch;
        });
    }
}
