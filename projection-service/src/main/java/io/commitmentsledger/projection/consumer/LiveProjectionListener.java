package io.commitmentsledger.projection.consumer;

import io.commitmentsledger.projection.store.ApplyOutcome;
import io.commitmentsledger.projection.store.Generations;
import io.commitmentsledger.projection.store.ReadModelWriter;
import io.commitmentsledger.projection.summary.IncomingEvent;
import io.commitmentsledger.projection.verification.RecordVerifier;
import io.commitmentsledger.projection.verification.RejectedRecord;
import io.commitmentsledger.projection.verification.Rejections;
import io.commitmentsledger.projection.verification.VerifiedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies every record of the event topic to the active read model, one transaction per record, and commits the
 * record's offset after it. A redelivery is recognised by its sequence number and leaf hash and changes nothing. Each
 * record is verified first ({@link RecordVerifier}); one that fails, there or in the read model's chain check, throws
 * {@link RejectedRecord} and goes to the dead-letter topic ({@link FailedRecords}), the partition going on.
 */
@Component
public class LiveProjectionListener {

    /** The listener container's id, for pausing it during a rebuild switch and checking it in health. */
    public static final String ID = "projection";

    private static final Logger log = LoggerFactory.getLogger(LiveProjectionListener.class);

    private final EventRecords records;
    private final RecordVerifier verifier;
    private final Rejections rejections;
    private final ReadModelWriter writer;
    private final Generations generations;
    private final TransactionTemplate transaction;
    private final ProjectionProgress progress;

    LiveProjectionListener(
            EventRecords records,
            RecordVerifier verifier,
            Rejections rejections,
            ReadModelWriter writer,
            Generations generations,
            TransactionTemplate transaction,
            ProjectionProgress progress) {
        this.records = records;
        this.verifier = verifier;
        this.rejections = rejections;
        this.writer = writer;
        this.generations = generations;
        this.transaction = transaction;
        this.progress = progress;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "${ledger.projection.topic}")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = records.read(record);
        VerifiedEvent verified = verifier.verify(record, event);
        // the active generation, read from memory: a rebuild pauses this listener while it switches generations
        ApplyOutcome outcome = transaction.execute(tx -> writer.apply(
                generations.active(),
                verified,
                dropped -> rejections.rejected(dropped, "held back in the read model")));
        if (outcome == ApplyOutcome.PARKED) {
            log.warn(
                    "Hole in commitment {}: sequence {} arrived before an earlier one; held back until it arrives",
                    event.commitmentId(),
                    event.sequence());
        }
        progress.applied(event, outcome);
    }
}
