package io.commitmentsledger.ledger.commitment;

import static io.commitmentsledger.contracts.Checks.NOTE_LENGTH;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import java.net.URI;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Report progress on the commitment, optionally with a link to evidence. */
public record ReportProgressCommand(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        String note,
        @Nullable URI evidence,
        ActingAgency actor,
        LocalDate reportedOn,
        @Nullable ExpectedVersion expectedVersion)
        implements VersionedCommand {

    public ReportProgressCommand {
        note = Checks.prose(note, "note", NOTE_LENGTH);
        Checks.optionalHttpUrl(evidence, "evidence");
        Checks.required(actor, "acting agency");
        Checks.required(reportedOn, "report date");
    }
}
