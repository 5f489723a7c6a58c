package io.commitmentsledger.projection.consumer;

import io.commitmentsledger.projection.store.Generations;
import io.commitmentsledger.projection.store.Incidents;
import io.commitmentsledger.projection.summary.IncomingEvent;
import io.commitmentsledger.projection.verification.RecordVerifier;
import io.commitmentsledger.projection.verification.RejectedRecord;
import io.commitmentsledger.projection.verification.Rejections;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a record the live consumer gave up on is, before it goes to the dead-letter topic. A record that cannot be read
 * is not an event of this ledger (malformed, or from someone else): a warning. A record that is not verifiably the
 * ledger's ({@link RejectedRecord}: unsigned, signed by another key, changed, or not chaining on) is counted and logged
 * by {@link Rejections}, and is never an incident: anyone who can write to the topic could otherwise mark any
 * commitment stale. A record the ledger signed that failed to apply is an {@link Incidents incident}: its commitment is
 * stale from then on. (Events the fold refuses never get here: {@code ReadModelWriter} opens their incident and the
 * consumer goes on.)
 */
class FailedRecords implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(FailedRecords.class);

    private final EventRecords records;
    private final RecordVerifier verifier;
    private final Rejections rejections;
    private final Incidents incidents;
    private final Generations generations;
    private final TransactionTemplate transaction;
    private final ConsumerRecordRecoverer deadLetters;

    FailedRecords(
            EventRecords records,
            RecordVerifier verifier,
            Rejections rejections,
            Incidents incidents,
            Generations generations,
            TransactionTemplate transaction,
            ConsumerRecordRecoverer deadLetters) {
        this.records = records;
        this.verifier = verifier;
        this.rejections = rejections;
        this.incidents = incidents;
        this.generations = generations;
        this.transaction = transaction;
        this.deadLetters = deadLetters;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        RejectedRecord rejected = rejectedCause(exception);
        if (rejected != null) {
            rejections.rejected(rejected, at(record));
            deadLetters.accept(record, exception);
            return;
        }
        IncomingEvent event;
        try {
            event = records.read((ConsumerRecord<String, byte[]>) record);
        } catch (UnreadableRecord | ClassCastException unreadable) {
            log.warn(
                    "Dead-lettering malformed record {}-{}@{}, not an event of this ledger: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    exception.getMessage());
            deadLetters.accept(record, exception);
            return;
        }
        try {
            verifier.verify((ConsumerRecord<String, byte[]>) record, event);
        } catch (RejectedRecord notTheLedgers) {
            rejections.rejected(notTheLedgers, at(record));
            deadLetters.accept(record, notTheLedgers);
            return;
        }
        transaction.executeWithoutResult(
                tx -> incidents.open(generations.active(), event, "could not be applied: " + exception));
        deadLetters.accept(record, exception);
    }

    private static @Nullable RejectedRecord rejectedCause(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedRecord rejected) {
                return rejected;
            }
        }
        return null;
    }

    private static String at(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
