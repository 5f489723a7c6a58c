package io.commitmentsledger.ledger.commitment;

import static io.commitmentsledger.contracts.Checks.REASON_LENGTH;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Correct the recorded agreement date to {@code agreedOn}, as precise as the source gives it, for a reason, on {@code
 * correctedOn}. The agreement stays as recorded; the correction is a fact of its own.
 */
public record CorrectAgreementDateCommand(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        PartialDate agreedOn,
        String reason,
        ActingAgency actor,
        LocalDate correctedOn,
        @Nullable ExpectedVersion expectedVersion)
        implements VersionedCommand {

    public CorrectAgreementDateCommand {
        Checks.required(agreedOn, "agreement date");
        reason = Checks.prose(reason, "reason", REASON_LENGTH);
        Checks.required(actor, "acting agency");
        Checks.required(correctedOn, "correction date");
    }
}
