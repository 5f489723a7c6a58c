package io.commitmentsledger.ledger.commitment;

import static io.commitmentsledger.contracts.Checks.REASON_LENGTH;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Move the commitment's target, set one where there was none, or withdraw it (a null target), for a reason. */
public record AmendTargetCommand(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        @Nullable PartialDate target,
        String reason,
        ActingAgency actor,
        LocalDate amendedOn,
        @Nullable ExpectedVersion expectedVersion)
        implements VersionedCommand {

    public AmendTargetCommand {
        reason = Checks.prose(reason, "reason", REASON_LENGTH);
        Checks.required(actor, "acting agency");
        Checks.required(amendedOn, "amendment date");
    }
}
