package io.commitmentsledger.ledger.commitment;

import static io.commitmentsledger.contracts.Checks.REASON_LENGTH;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Withdraw the acting agency's party from the commitment, for a reason. Ends the commitment. */
public record WithdrawCommitmentCommand(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        String reason,
        ActingAgency actor,
        LocalDate withdrawnOn,
        @Nullable ExpectedVersion expectedVersion)
        implements VersionedCommand {

    public WithdrawCommitmentCommand {
        reason = Checks.prose(reason, "reason", REASON_LENGTH);
        Checks.required(actor, "acting agency");
        Checks.required(withdrawnOn, "withdrawal date");
    }
}
