package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import io.commitmentsledger.contracts.SourceReference;
import io.commitmentsledger.contracts.Target;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Both parties agreed the commitment on {@code occurredOn}, as the source records. The first fact of every commitment. */
@EventRevision("1")
public record CommitmentAgreed(
        CommitmentId commitmentId,
        PartnershipId partnershipId,
        Area area,
        String title,
        @Nullable String description,
        List<Party> parties,
        Target target,
        SourceReference source,
        ActingAgency actor,
        LocalDate occurredOn)
        implements CommitmentEvent {

    public CommitmentAgreed {
        parties = List.copyOf(parties);
    }
}
