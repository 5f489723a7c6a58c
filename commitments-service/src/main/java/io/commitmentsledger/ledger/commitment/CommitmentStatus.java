package io.commitmentsledger.ledger.commitment;

/** Where a commitment stands; derived from its history, never stored. */
public enum CommitmentStatus {
    /** Agreed, and not yet confirmed by both parties. */
    AGREED,
    /** Confirmed by both parties. */
    CONFIRMED,
    COMPLETED,
    WITHDRAWN;

    boolean isClosed() {
        return this == COMPLETED || this == WITHDRAWN;
    }
}
