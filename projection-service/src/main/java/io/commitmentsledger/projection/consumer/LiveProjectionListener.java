package io.commitmentsledger.projection.consumer;

import io.commitmentsledger.projection.consumer.PollChecks.Checked;
import io.commitmentsledger.projection.store.ApplyOutcome;
import io.commitmentsledger.projection.store.Generations;
import io.commitmentsledger.projection.store.ReadModelWriter;
import io.commitmentsledger.projection.store.ReadModelWriter.BatchResult;
import io.commitmentsledger.projection.store.ReadModelWriter.EventResult;
import io.commitmentsledger.projection.summary.IncomingEvent;
import io.commitmentsledger.projection.verification.RejectedRecord;
import io.commitmentsledger.projection.verification.Rejections;
import io.commitmentsledger.projection.verification.VerifiedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the records of each poll of the event topic to the active read model in one transaction, with the writes in
 * JDBC batches ({@link ReadModelWriter#applyAll}); the poll's offsets are committed after it. Each record is verified
 * first ({@link PollChecks}). A redelivery is recognised by its sequence number and leaf hash and changes nothing.
 *
 * <p>A record that cannot be read or verified, or that the read model's chain check refuses, is never applied: the
 * records before it in the poll are applied and committed, then {@link BatchListenerFailedException} hands it to the
 * error handler, which commits the offsets before it, dead-letters it ({@link FailedRecords}) and delivers the records
 * after it again (those already applied are duplicates, which change nothing). If the poll's transaction fails, which
 * record is at fault is not known: the poll is applied again one record per transaction, as before batching, so that
 * the error handler retries, dead-letters, or waits for the database, for that record only.
 */
@Component
public class LiveProjectionListener {

    /** The listener container's id, for pausing it during a rebuild switch and checking it in health. */
    public static final String ID = "projection";

    private static final Logger log = LoggerFactory.getLogger(LiveProjectionListener.class);
    private static final String HELD_BACK = "held back in the read model";

    private final PollChecks checks;
    private final Rejections rejections;
    private final ReadModelWriter writer;
    private final Generations generations;
    private final TransactionTemplate transaction;
    private final ProjectionProgress progress;

    LiveProjectionListener(
            PollChecks checks,
            Rejections rejections,
            ReadModelWriter writer,
            Generations generations,
            TransactionTemplate transaction,
            ProjectionProgress progress) {
        this.checks = checks;
        this.rejections = rejections;
        this.writer = writer;
        this.generations = generations;
        this.transaction = transaction;
        this.progress = progress;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "${ledger.projection.topic}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> poll) {
        List<VerifiedEvent> verified = new ArrayList<>(poll.size());
        for (Checked checked : checks.check(poll)) {
            RuntimeException notAnEvent = checked.failure();
            if (notAnEvent != null) {
                apply(poll, verified);
                throw failed(notAnEvent, checked.record());
            }
            verified.add(Objects.requireNonNull(checked.event()));
        }
        apply(poll, verified);
    }

    /** Applies {@code verified}, the events of the first records of {@code poll}, then reports what it did. */
    private void apply(List<ConsumerRecord<String, byte[]>> poll, List<VerifiedEvent> verified) {
        if (verified.isEmpty()) {
            return;
        }
        BatchResult result;
        try {
            // the active generation, read from memory: a rebuild pauses this listener while it switches generations
            result = transaction.execute(tx -> writer.applyAll(generations.active(), verified));
        } catch (RuntimeException pollFailed) {
            log.warn(
                    "Applying a poll of {} records failed, applying them one by one: {}",
                    verified.size(),
                    NestedExceptionUtils.getMostSpecificCause(pollFailed).toString());
            applyOneByOne(poll, verified);
            return;
        }
        result.droppedParked().forEach(dropped -> rejections.rejected(dropped, HELD_BACK));
        for (int i = 0; i < verified.size(); i++) {
            EventResult event = result.events().get(i);
            RejectedRecord refused = event.refused();
            if (refused != null) {
                report(result);
                throw failed(refused, poll.get(i));
            }
        }
        report(result);
    }

    /** One transaction per record: the record that fails goes to the error handler, those before it are applied. */
    private void applyOneByOne(List<ConsumerRecord<String, byte[]>> poll, List<VerifiedEvent> verified) {
        for (int i = 0; i < verified.size(); i++) {
            VerifiedEvent event = verified.get(i);
            ApplyOutcome outcome;
            try {
                outcome = transaction.execute(tx ->
                        writer.apply(generations.active(), event, dropped -> rejections.rejected(dropped, HELD_BACK)));
            } catch (RuntimeException failure) {
                throw failed(failure, poll.get(i));
            }
            report(event.incoming(), outcome);
        }
    }

    /**
     * Reports every event the committed transaction applied, also those after a refused record: they are delivered
     * again after it has been handled, and are then duplicates.
     */
    private void report(BatchResult result) {
        for (EventResult event : result.events()) {
            ApplyOutcome outcome = event.outcome();
            if (outcome != null) {
                report(event.event().incoming(), outcome);
            }
        }
    }

    private void report(IncomingEvent event, ApplyOutcome outcome) {
        if (outcome == ApplyOutcome.PARKED) {
            log.warn(
                    "Hole in commitment {}: sequence {} arrived before an earlier one; held back until it arrives",
                    event.commitmentId(),
                    event.sequence());
        }
        progress.applied(event, outcome);
    }

    /** Hands {@code record} to the error handler; the message is the failure's own, the dead letter's reason. */
    private static BatchListenerFailedException failed(RuntimeException failure, ConsumerRecord<?, ?> record) {
        return new BatchListenerFailedException(
                failure.getMessage() == null ? failure.toString() : failure.getMessage(), failure, record);
    }
}
