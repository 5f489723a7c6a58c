package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import java.time.LocalDate;

/**
 * The acting agency's party confirmed the commitment. Once both parties have confirmed, the commitment is confirmed:
 * that state is derived from the two confirmations, not recorded as a fact of its own.
 */
@EventRevision("1")
public record CommitmentConfirmed(CommitmentId commitmentId, ActingAgency actor, LocalDate occurredOn)
        implements CommitmentEvent {

    @Override
    public PartialDate date() {
        return PartialDate.day(occurredOn);
    }
}
