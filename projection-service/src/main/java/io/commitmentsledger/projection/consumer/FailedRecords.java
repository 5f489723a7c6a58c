package io.commitmentsledger.projection.consumer;

import io.commitmentsledger.projection.store.Generations;
import io.commitmentsledger.projection.store.Incidents;
import io.commitmentsledger.projection.summary.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a record the live consumer gave up on is, before it goes to the dead-letter topic. A record that cannot be read
 * is not an event of this ledger (malformed, or from someone else): a warning. A record that reads as an event the
 * ledger recorded, but failed to apply, is an {@link Incidents incident}: its commitment is stale from then on.
 * (Events the fold refuses never get here: {@code ReadModelWriter} opens their incident and the consumer goes on.)
 */
class FailedRecords implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(FailedRecords.class);

    private final EventRecords records;
    private final Incidents incidents;
    private final Generations generations;
    private final TransactionTemplate transaction;
    private final ConsumerRecordRecoverer deadLetters;

    FailedRecords(
            EventRecords records,
            Incidents incidents,
            Generations generations,
            TransactionTemplate transaction,
            ConsumerRecordRecoverer deadLetters) {
        this.records = records;
        this.incidents = incidents;
        this.generations = generations;
        this.transaction = transaction;
        this.deadLetters = deadLetters;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
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
        transaction.executeWithoutResult(
                tx -> incidents.open(generations.active(), event, "could not be applied: " + exception));
        deadLetters.accept(record, exception);
    }
}
