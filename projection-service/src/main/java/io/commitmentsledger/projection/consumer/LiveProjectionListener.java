package io.commitmentsledger.projection.consumer;

import io.commitmentsledger.projection.store.ApplyOutcome;
import io.commitmentsledger.projection.store.Generations;
import io.commitmentsledger.projection.store.ReadModelWriter;
import io.commitmentsledger.projection.summary.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies every record of the event topic to the active read model, one transaction per record, and commits the
 * record's offset after it. A redelivery is recognised by its sequence number and changes nothing.
 */
@Component
public class LiveProjectionListener {

    /** The listener container's id, for pausing it during a rebuild switch and checking it in health. */
    public static final String ID = "projection";

    private static final Logger log = LoggerFactory.getLogger(LiveProjectionListener.class);

    private final EventRecords records;
    private final ReadModelWriter writer;
    private final Generations generations;
    private final TransactionTemplate transaction;
    private final ProjectionProgress progress;

    LiveProjectionListener(
            EventRecords records,
            ReadModelWriter writer,
            Generations generations,
            TransactionTemplate transaction,
            ProjectionProgress progress) {
        this.records = records;
        this.writer = writer;
        this.generations = generations;
        this.transaction = transaction;
        this.progress = progress;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "${ledger.projection.topic}")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = records.read(record);
        // the active generation, read from memory: a rebuild pauses this listener while it switches generations
        ApplyOutcome outcome = transaction.execute(tx -> writer.apply(generations.active(), event));
        if (outcome == ApplyOutcome.PARKED) {
            log.warn(
                    "Hole in commitment {}: sequence {} arrived before an earlier one; held back until it arrives",
                    event.commitmentId(),
                    event.sequence());
        }
        progress.applied(event, outcome);
    }
}
