package io.commitmentsledger.verifier;

import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.log.LogLeaf;

/**
 * One event as an export line or a Kafka record presents it: the fields its leaf is built from, and what the ledger
 * says of it (its leaf hash, the previous leaf hash of its commitment, its signature), none of it trusted yet.
 *
 * @param where the line or record it came from, for the report
 */
record LedgerEvent(
        String where,
        long logIndex,
        String commitmentId,
        long sequence,
        String eventId,
        String cloudEventType,
        String recordedAt,
        byte[] payload,
        byte[] leafHash,
        byte[] previousLeafHash,
        String signature) {

    /**
     * The leaf the ledger built from these fields, exactly as it built it; throws {@link IllegalArgumentException}
     * saying why there is none (a type not of the ledger's form, a payload that is not a JSON object).
     */
    LogLeaf leaf() {
        EventTypes.NameAndRevision type = EventTypes.nameAndRevision(cloudEventType)
                .orElseThrow(() -> new IllegalArgumentException(
                        "type " + cloudEventType + " is not of the form dev.commitments-ledger.<Name>.v<revision>"));
        return LogLeaf.of(
                logIndex,
                commitmentId,
                sequence,
                eventId,
                type.name(),
                Integer.toString(type.revision()),
                recordedAt,
                payload,
                previousLeafHash);
    }

    /** Where the event is and which it is, for every failure about it. */
    String describe() {
        return where + " (log index " + logIndex + ", commitment " + commitmentId + ", sequence " + sequence + ")";
    }
}
