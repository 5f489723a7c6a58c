package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.WorkshopId;
import java.time.LocalDate;

/** A scheduled workshop was held on {@code occurredOn}, with a short {@code outcome}. */
@EventRevision("1")
public record WorkshopHeld(
        CommitmentId commitmentId, WorkshopId workshopId, String outcome, ActingAgency actor, LocalDate occurredOn)
        implements CommitmentEvent {

    @Override
    public PartialDate date() {
        return PartialDate.day(occurredOn);
    }
}
