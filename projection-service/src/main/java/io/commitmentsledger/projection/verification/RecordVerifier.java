package io.commitmentsledger.projection.verification;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.EventTypes.NameAndRevision;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.MerkleHashes;
import io.commitmentsledger.contracts.log.VerificationFailure;
import io.commitmentsledger.projection.summary.IncomingEvent;
import io.commitmentsledger.projection.verification.RejectedRecord.Check;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks that a record is an event the ledger recorded, as far as the record itself can tell: its log headers, the
 * ledger's signature of its leaf hash, the leaf rebuilt from the record (key, headers, value bytes) hashing to that
 * leaf hash, and the payload as read saying what the leaf says. Whether it chains onto the commitment's previous event
 * is checked where that event is known, by the read model as it applies it.
 */
@Component
public class RecordVerifier {

    private final LedgerKeys keys;

    RecordVerifier(LedgerKeys keys) {
        this.keys = keys;
    }

    /** {@code event}, read from {@code record}, with its place in the log; {@link RejectedRecord} if it fails a check. */
    public VerifiedEvent verify(ConsumerRecord<String, byte[]> record, IncomingEvent event) {
        String commitmentId = event.commitmentId();
        long sequence = event.sequence();
        long logIndex = logIndex(record, event);
        byte[] leafHash = hash(record, CloudEventHeaders.LEAF_HASH, event, logIndex);
        byte[] previousLeafHash = hash(record, CloudEventHeaders.PREVIOUS_LEAF_HASH, event, logIndex);
        String signature = header(record, CloudEventHeaders.LEDGER_SIGNATURE, event, null);
        String subject = header(record, CloudEventHeaders.SUBJECT, event, logIndex);
        String cloudEventType = header(record, CloudEventHeaders.TYPE, event, logIndex);
        if (record.key() == null || !record.key().equals(subject) || record.value() == null) {
            throw reject(Check.LEAF, event, logIndex, "the record's key is not its ce_subject");
        }
        NameAndRevision type = EventTypes.nameAndRevision(cloudEventType)
                .orElseThrow(() -> reject(Check.HEADERS, event, logIndex, "malformed ce_type"));
        LogLeaf leaf;
        try {
            leaf = LogLeaf.of(
                    logIndex,
                    record.key(),
                    sequence,
                    header(record, CloudEventHeaders.ID, event, logIndex),
                    type.name(),
                    Integer.toString(type.revision()),
                    header(record, CloudEventHeaders.TIME, event, logIndex),
                    record.value(),
                    previousLeafHash);
        } catch (IllegalArgumentException e) {
            throw reject(Check.LEAF, event, logIndex, "no leaf can be made of the record: " + e.getMessage());
        }
        if (!MessageDigest.isEqual(leaf.hash(), leafHash)) {
            throw reject(
                    Check.LEAF,
                    event,
                    logIndex,
                    "the record does not hash to its ce_leafhash: its key, headers or value are not what the ledger"
                            + " recorded");
        }
        try {
            LeafSignature.verify(leafHash, signature, keys.verifiers());
        } catch (VerificationFailure e) {
            throw reject(Check.SIGNATURE, event, logIndex, e.getMessage());
        }
        // the leaf read actor and occurredOn as raw JSON strings; the event is what the projection will show
        if (!leaf.commitmentId().equals(event.event().commitmentId().value())
                || !leaf.actor().equals(event.event().actor().toString())
                || !leaf.occurredOn().equals(event.event().date().toString())) {
            throw reject(
                    Check.PAYLOAD,
                    event,
                    logIndex,
                    "the payload as read names another commitment, actor or date than its signed leaf");
        }
        return new VerifiedEvent(event, new LedgerLeaf(logIndex, leafHash, previousLeafHash));
    }

    private static long logIndex(ConsumerRecord<?, ?> record, IncomingEvent event) {
        String text = header(record, CloudEventHeaders.LOG_INDEX, event, null);
        try {
            long index = Long.parseLong(text);
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw reject(Check.HEADERS, event, null, "header " + CloudEventHeaders.LOG_INDEX + " is not a log index");
    }

    private static byte[] hash(ConsumerRecord<?, ?> record, String name, IncomingEvent event, long logIndex) {
        try {
            byte[] hash = Base64.getDecoder().decode(header(record, name, event, logIndex));
            if (hash.length == MerkleHashes.SIZE) {
                return hash;
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw reject(Check.HEADERS, event, logIndex, "header " + name + " is not the base64 of a 32-byte hash");
    }

    private static String header(
            ConsumerRecord<?, ?> record, String name, IncomingEvent event, @Nullable Long logIndex) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw reject(Check.HEADERS, event, logIndex, "missing header " + name + ": not signed by the ledger");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static RejectedRecord reject(Check check, IncomingEvent event, @Nullable Long logIndex, String reason) {
        return new RejectedRecord(check, event.commitmentId(), event.sequence(), logIndex, reason);
    }
}
