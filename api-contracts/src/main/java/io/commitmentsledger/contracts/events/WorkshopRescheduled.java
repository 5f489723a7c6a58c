package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A scheduled workshop moved to a new window, format or location, for {@code reason}. */
@EventRevision("1")
public record WorkshopRescheduled(
        CommitmentId commitmentId,
        WorkshopId workshopId,
        DateWindow window,
        WorkshopFormat format,
        @Nullable String location,
        String reason,
        ActingAgency actor,
        LocalDate occurredOn)
        implements CommitmentEvent {

    @Override
    public PartialDate date() {
        return PartialDate.day(occurredOn);
    }
}
