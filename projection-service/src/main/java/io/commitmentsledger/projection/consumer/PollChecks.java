package io.commitmentsledger.projection.consumer;

import io.commitmentsledger.projection.verification.RecordVerifier;
import io.commitmentsledger.projection.verification.VerifiedEvent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads and verifies the records of a poll ({@link EventRecords}, {@link RecordVerifier}), for the live consumer and a
 * rebuild alike, on every core: checking the ledger's Ed25519 signature is most of what a record costs, and each
 * record's checks depend on nothing but the record, so they run side by side (the common fork-join pool and the
 * calling thread). Every record is checked exactly as one alone would be; only the order in which they are checked
 * changes, and the answers come back in the poll's order.
 */
@Component
public class PollChecks {

    /** A record and its event once verified, or why it is not one ({@code failure}). */
    public record Checked(
            ConsumerRecord<String, byte[]> record,
            @Nullable VerifiedEvent event,
            @Nullable RuntimeException failure) {}

    private final EventRecords records;
    private final RecordVerifier verifier;

    PollChecks(EventRecords records, RecordVerifier verifier) {
        this.records = records;
        this.verifier = verifier;
    }

    /** Each record of {@code poll}, checked, in the poll's order. */
    public List<Checked> check(List<ConsumerRecord<String, byte[]>> poll) {
        Checked[] checked = new Checked[poll.size()];
        IntStream.range(0, poll.size()).parallel().forEach(i -> checked[i] = check(poll.get(i)));
        return Arrays.asList(checked);
    }

    private Checked check(ConsumerRecord<String, byte[]> record) {
        try {
            return new Checked(record, verifier.verify(record, records.read(record)), null);
        } catch (RuntimeException failure) {
            return new Checked(record, null, failure);
        }
    }
}
