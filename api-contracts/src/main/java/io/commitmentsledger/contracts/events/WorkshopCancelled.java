package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.WorkshopId;
import java.time.LocalDate;

/** A scheduled workshop will not be held, for {@code reason}. */
@EventRevision("1")
public record WorkshopCancelled(
        CommitmentId commitmentId, WorkshopId workshopId, String reason, ActingAgency actor, LocalDate occurredOn)
        implements CommitmentEvent {

    @Override
    public PartialDate date() {
        return PartialDate.day(occurredOn);
    }
}
