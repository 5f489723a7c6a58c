package io.commitmentsledger.ledger.commitment;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.WorkshopId;

/** A command named a workshop the commitment does not have; nothing was recorded. */
public class WorkshopNotFound extends RuntimeException {

    public WorkshopNotFound(CommitmentId commitmentId, WorkshopId workshopId) {
        super("commitment " + commitmentId + " has no workshop " + workshopId);
    }
}
