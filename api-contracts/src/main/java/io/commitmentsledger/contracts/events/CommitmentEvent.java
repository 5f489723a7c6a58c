package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;

/**
 * A fact about one commitment. Every fact says who acted and when it happened in the world (its JSON field {@code
 * occurredOn}); when it was recorded is the stored event's timestamp, set by the ledger.
 */
public sealed interface CommitmentEvent
        permits CommitmentAgreed,
                CommitmentConfirmed,
                WorkshopScheduled,
                WorkshopRescheduled,
                WorkshopCancelled,
                WorkshopHeld,
                ProgressReported,
                CommitmentMarkedComplete,
                CommitmentCompleted,
                TargetAmended,
                CommitmentWithdrawn,
                AgreementDateCorrected {

    CommitmentId commitmentId();

    ActingAgency actor();

    /**
     * When it happened in the world, as precisely as the source says: a day for every fact but an agreement, whose
     * source may give only a year, a quarter or a month (the JSON field {@code occurredOn}).
     */
    PartialDate date();
}
