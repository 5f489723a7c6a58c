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
 * <p>Axon's tracking event processor feeds it batches from the event store, in the order events become visible, and
 * keeps its position (tracking token) in PostgreSQL. The handler only collects a batch's event ids; before the batch's
 * token is stored, the batch is appended to the verifiable log (committed on its own), sent, and every send must be
 * acknowledged ({@link RecordSender}). A failure rolls the batch back and the processor
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
        batch().add(message.getIdentifier());
    }

    /**
     * The current batch's event ids; the first call in a batch arranges for them to be logged and sent before it
     * commits, with one append to the log for the whole batch.
     */
    private List<String> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<String> batch = new ArrayList<>();
            unitOfWork.onPrepareCommit(work -> sender.sendAndAwait(records.of(batch)));
            return batch;
        });
    }
}
