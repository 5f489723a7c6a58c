package io.commitmentsledger.ledger.commitment;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Record the acting agency's party's confirmation of the commitment. */
public record ConfirmCommitmentCommand(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        ActingAgency actor,
        LocalDate confirmedOn,
        @Nullable ExpectedVersion expectedVersion)
        implements VersionedCommand {

    public ConfirmCommitmentCommand {
        Checks.required(actor, "acting agency");
        Checks.required(confirmedOn, "confirmation date");
    }
}
