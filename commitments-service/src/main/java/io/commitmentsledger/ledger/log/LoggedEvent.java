package io.commitmentsledger.ledger.log;

import io.commitmentsledger.contracts.log.LogLeaf;

/**
 * A recorded event with its place in the log: everything its Kafka record carries, so that a subscriber can rebuild
 * the leaf from the record alone ({@link #leaf()}) and check its hash, signature and chain.
 *
 * @param eventId the event's id
 * @param commitmentId the commitment it belongs to
 * @param sequence its position in the commitment, from 0
 * @param type the event's name, such as {@code CommitmentAgreed}
 * @param revision the revision it was stored at
 * @param recordedAt when the ledger recorded it, as stored (RFC 3339, UTC)
 * @param payload its JSON exactly as stored
 * @param globalIndex its position in the event store
 * @param logIndex its position in the log, from 0 without gaps
 * @param leafHash the RFC 9162 leaf hash of {@link #leaf()}
 * @param previousLeafHash the commitment's previous event's leaf hash; zeros for sequence 0
 * @param leafSignature the ledger's {@link io.commitmentsledger.contracts.log.LeafSignature} of the leaf hash
 */
public record LoggedEvent(
        String eventId,
        String commitmentId,
        long sequence,
        String type,
        String revision,
        String recordedAt,
        byte[] payload,
        long globalIndex,
        long logIndex,
        byte[] leafHash,
        byte[] previousLeafHash,
        String leafSignature) {

    /** The leaf this event's hash covers. */
    public LogLeaf leaf() {
        return LogLeaf.of(
                logIndex, commitmentId, sequence, eventId, type, revision, recordedAt, payload, previousLeafHash);
    }
}
