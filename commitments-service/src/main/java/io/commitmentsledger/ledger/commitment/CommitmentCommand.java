package io.commitmentsledger.ledger.commitment;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;

/** Every command the commitment handles: agreeing a new one, or a {@link VersionedCommand} on an existing one. */
public sealed interface CommitmentCommand permits AgreeCommitmentCommand, VersionedCommand {

    CommitmentId commitmentId();

    /** The agency the command is recorded as: the caller's, as its token names it. */
    ActingAgency actor();
}
