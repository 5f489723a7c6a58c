package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A workshop was scheduled under the commitment, to be held within {@code window} and hosted by {@code host}. */
@EventRevision("1")
public record WorkshopScheduled(
        CommitmentId commitmentId,
        WorkshopId workshopId,
        String title,
        DateWindow window,
        @Nullable WorkshopFormat format,
        @Nullable String location,
        @Nullable CountryCode host,
        ActingAgency actor,
        LocalDate occurredOn)
        implements CommitmentEvent {

    @Override
    public PartialDate date() {
        return PartialDate.day(occurredOn);
    }
}
