package io.commitmentsledger.ledger.history;

import io.commitmentsledger.contracts.CommitmentId;

/** No event is recorded for this commitment: it was never agreed. */
public class CommitmentNotFound extends RuntimeException {

    private final CommitmentId commitmentId;

    public CommitmentNotFound(CommitmentId commitmentId) {
        super("no commitment " + commitmentId + " has been agreed");
        this.commitmentId = commitmentId;
    }

    public CommitmentId commitmentId() {
        return commitmentId;
    }
}
