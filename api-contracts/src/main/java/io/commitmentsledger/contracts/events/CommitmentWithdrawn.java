package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import java.time.LocalDate;

/** A party withdrew from the commitment, for {@code reason}. Terminal: nothing changes a withdrawn commitment. */
@EventRevision("1")
public record CommitmentWithdrawn(CommitmentId commitmentId, String reason, ActingAgency actor, LocalDate occurredOn)
        implements CommitmentEvent {

    @Override
    public PartialDate date() {
        return PartialDate.day(occurredOn);
    }
}
