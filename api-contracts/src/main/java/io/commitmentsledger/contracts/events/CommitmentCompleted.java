package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import java.time.LocalDate;

/**
 * Both parties have marked the commitment complete; {@code actor} made the second marking. Recorded right after that
 * marking, and terminal: nothing changes a completed commitment.
 */
@EventRevision("1")
public record CommitmentCompleted(CommitmentId commitmentId, ActingAgency actor, LocalDate occurredOn)
        implements CommitmentEvent {

    @Override
    public PartialDate date() {
        return PartialDate.day(occurredOn);
    }
}
