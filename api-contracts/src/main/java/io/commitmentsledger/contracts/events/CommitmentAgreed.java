package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import io.commitmentsledger.contracts.SourceReference;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Both parties agreed the commitment in {@code occurredOn}, as the source records. The first fact of every commitment.
 *
 * <p>Revision 2: {@code target} is as precise as the source (a year, quarter, month or day) or absent when the source
 * sets none, and so is {@code occurredOn} (the 2022 Memorandum of Cooperation is agreed in {@code 2022}). Revision 1
 * required a target, written {@code {"date": ...}} or {@code {"quarter": ...}}; its records are upcast.
 */
@EventRevision("2")
public record CommitmentAgreed(
        CommitmentId commitmentId,
        PartnershipId partnershipId,
        Area area,
        String title,
        @Nullable String description,
        List<Party> parties,
        @Nullable PartialDate target,
        SourceReference source,
        ActingAgency actor,
        PartialDate occurredOn)
        implements CommitmentEvent {

    public CommitmentAgreed {
        parties = List.copyOf(parties);
    }

    @Override
    public PartialDate date() {
        return occurredOn;
    }
}
