package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import java.time.LocalDate;

/**
 * A fact about one commitment. Every fact says who acted and on which day it happened in the world; the day it was
 * recorded is the stored event's timestamp, set by the ledger.
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
                CommitmentWithdrawn {

    CommitmentId commitmentId();

    ActingAgency actor();

    LocalDate occurredOn();
}
