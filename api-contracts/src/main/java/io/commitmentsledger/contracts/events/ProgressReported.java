package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import java.net.URI;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A party reported progress on the commitment, optionally with a link to evidence. */
@EventRevision("1")
public record ProgressReported(
        CommitmentId commitmentId, String note, @Nullable URI evidence, ActingAgency actor, LocalDate occurredOn)
        implements CommitmentEvent {

    @Override
    public PartialDate date() {
        return PartialDate.day(occurredOn);
    }
}
