package io.commitmentsledger.projection.summary;

/** Where a commitment stands. Overdue is not a status: it is derived from the target and today. */
public enum CommitmentStatus {
    AGREED,
    CONFIRMED,
    COMPLETED,
    WITHDRAWN;

    public boolean isOpen() {
        return this == AGREED || this == CONFIRMED;
    }
}
