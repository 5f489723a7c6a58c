package io.commitmentsledger.ledger.commitment;

import static io.commitmentsledger.contracts.Checks.REASON_LENGTH;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.WorkshopId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Cancel a scheduled workshop. */
public record CancelWorkshopCommand(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        WorkshopId workshopId,
        String reason,
        ActingAgency actor,
        LocalDate cancelledOn,
        @Nullable ExpectedVersion expectedVersion)
        implements VersionedCommand {

    public CancelWorkshopCommand {
        Checks.required(workshopId, "workshop id");
        reason = Checks.prose(reason, "reason", REASON_LENGTH);
        Checks.required(actor, "acting agency");
        Checks.required(cancelledOn, "cancellation date");
    }
}
