package io.commitmentsledger.ledger.commitment;

/** A conditional command expected another version of the commitment than the current one; nothing was recorded. */
public class VersionMismatch extends RuntimeException {

    private final long expectedVersion;
    private final long currentVersion;

    public VersionMismatch(long expectedVersion, long currentVersion) {
        super("the command expected version " + expectedVersion + " but the commitment is at version "
                + currentVersion);
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
