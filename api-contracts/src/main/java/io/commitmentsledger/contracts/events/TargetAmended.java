package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.Target;
import java.time.LocalDate;

/** The commitment's target moved from {@code previousTarget} to {@code newTarget}, for {@code reason}. */
@EventRevision("1")
public record TargetAmended(
        CommitmentId commitmentId,
        Target previousTarget,
        Target newTarget,
        String reason,
        ActingAgency actor,
        LocalDate occurredOn)
        implements CommitmentEvent {}
