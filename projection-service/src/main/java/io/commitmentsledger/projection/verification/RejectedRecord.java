package io.commitmentsledger.projection.verification;

import org.jspecify.annotations.Nullable;

/**
 * A record that is not an event of the ledger, or not the one its place says: it is never applied. It goes to the
 * dead-letter topic with this message as the reason, and is counted by {@link Rejections}. Never an incident: a forged
 * record must not hold back, nor mark stale, the commitment it names.
 */
public class RejectedRecord extends RuntimeException {

    /** Which check the record failed; the metric's {@code check} tag. */
    public enum Check {
        /** A log header is missing or malformed. */
        HEADERS,
        /** The ledger did not sign its leaf hash with any key this service knows. */
        SIGNATURE,
        /** The leaf rebuilt from the record's key, headers and value does not hash to its leaf hash. */
        LEAF,
        /** The payload, as read, says something else than the leaf. */
        PAYLOAD,
        /** It does not chain onto the commitment's previous applied event, or another event holds its place. */
        CHAIN
    }

    private final Check check;
    private final String commitmentId;
    private final long sequence;
    private final @Nullable Long logIndex;

    public RejectedRecord(Check check, String commitmentId, long sequence, @Nullable Long logIndex, String reason) {
        super(reason);
        this.check = check;
        this.commitmentId = commitmentId;
        this.sequence = sequence;
        this.logIndex = logIndex;
    }

    public Check check() {
        return check;
    }

    public String commitmentId() {
        return commitmentId;
    }

    public long sequence() {
        return sequence;
    }

    public @Nullable Long logIndex() {
        return logIndex;
    }

    /** Reasons are built by this service; a null message is never given. */
    public String reason() {
        String message = getMessage();
        return message == null ? check.name() : message;
    }
}
