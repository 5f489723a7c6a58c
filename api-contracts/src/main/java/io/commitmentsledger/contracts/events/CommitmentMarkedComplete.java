package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import java.time.LocalDate;

/** The acting agency's party considers the commitment fulfilled, on the strength of {@code evidence}. */
@EventRevision("1")
public record CommitmentMarkedComplete(
        CommitmentId commitmentId, String evidence, ActingAgency actor, LocalDate occurredOn)
        implements CommitmentEvent {

    @Override
    public PartialDate date() {
        return PartialDate.day(occurredOn);
    }
}
