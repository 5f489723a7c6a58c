package io.commitmentsledger.ledger.commitment;

import static io.commitmentsledger.contracts.Checks.REASON_LENGTH;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.WorkshopId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Record that a scheduled workshop was held, with a short outcome. */
public record RecordWorkshopOutcomeCommand(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        WorkshopId workshopId,
        String outcome,
        ActingAgency actor,
        LocalDate heldOn,
        @Nullable ExpectedVersion expectedVersion)
        implements VersionedCommand {

    public RecordWorkshopOutcomeCommand {
        Checks.required(workshopId, "workshop id");
        outcome = Checks.prose(outcome, "outcome", REASON_LENGTH);
        Checks.required(actor, "acting agency");
        Checks.required(heldOn, "date held");
    }
}
