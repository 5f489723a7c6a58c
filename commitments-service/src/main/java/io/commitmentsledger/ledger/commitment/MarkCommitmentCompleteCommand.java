package io.commitmentsledger.ledger.commitment;

import static io.commitmentsledger.contracts.Checks.NOTE_LENGTH;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Record that the acting agency's party considers the commitment fulfilled, with evidence. */
public record MarkCommitmentCompleteCommand(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        String evidence,
        ActingAgency actor,
        LocalDate completedOn,
        @Nullable ExpectedVersion expectedVersion)
        implements VersionedCommand {

    public MarkCommitmentCompleteCommand {
        evidence = Checks.prose(evidence, "evidence", NOTE_LENGTH);
        Checks.required(actor, "acting agency");
        Checks.required(completedOn, "completion date");
    }
}
