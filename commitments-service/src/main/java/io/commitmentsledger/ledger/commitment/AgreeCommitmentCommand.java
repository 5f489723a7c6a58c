package io.commitmentsledger.ledger.commitment;

import static io.commitmentsledger.contracts.Checks.DESCRIPTION_LENGTH;
import static io.commitmentsledger.contracts.Checks.TITLE_LENGTH;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import io.commitmentsledger.contracts.SourceReference;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Record that both parties agreed a new commitment: its target, when the source sets one, and the agreement date, each
 * as precise as the source gives it.
 */
public record AgreeCommitmentCommand(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        PartnershipId partnershipId,
        Area area,
        String title,
        @Nullable String description,
        List<Party> parties,
        @Nullable PartialDate target,
        SourceReference source,
        ActingAgency actor,
        PartialDate agreedOn)
        implements CommitmentCommand {

    public AgreeCommitmentCommand {
        Checks.required(commitmentId, "commitment id");
        Checks.required(partnershipId, "partnership id");
        Checks.required(area, "area");
        title = Checks.text(title, "title", TITLE_LENGTH);
        description = Checks.optionalProse(description, "description", DESCRIPTION_LENGTH);
        parties = BilateralParties.check(parties);
        Checks.required(source, "source");
        Checks.required(actor, "acting agency");
        Checks.required(agreedOn, "agreement date");
    }
}
