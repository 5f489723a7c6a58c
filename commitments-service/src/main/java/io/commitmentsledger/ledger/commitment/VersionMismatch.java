package io.commitmentsledger.ledger.commitment;

/** A conditional command expected another version of the commitment than the current one; nothing was recorded. */
public class VersionMismatch extends RuntimeException {

    private final ExpectedVersion expected;
    private final long currentVersion;

    public VersionMismatch(ExpectedVersion expected, long currentVersion) {
        super("the command expected " + expected + " but the commitment is at version " + currentVersion);
        this.expected = expected;
        this.currentVersion = currentVersion;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
