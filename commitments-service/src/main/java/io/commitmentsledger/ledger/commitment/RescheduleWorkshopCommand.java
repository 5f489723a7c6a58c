package io.commitmentsledger.ledger.commitment;

import static io.commitmentsledger.contracts.Checks.LOCATION_LENGTH;
import static io.commitmentsledger.contracts.Checks.REASON_LENGTH;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Move a scheduled workshop to a new window, format or location. */
public record RescheduleWorkshopCommand(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        WorkshopId workshopId,
        DateWindow window,
        WorkshopFormat format,
        @Nullable String location,
        String reason,
        ActingAgency actor,
        LocalDate rescheduledOn,
        @Nullable ExpectedVersion expectedVersion)
        implements VersionedCommand {

    public RescheduleWorkshopCommand {
        Checks.required(workshopId, "workshop id");
        Checks.required(window, "window");
        Checks.required(format, "format");
        location = Checks.optionalText(location, "location", LOCATION_LENGTH);
        reason = Checks.prose(reason, "reason", REASON_LENGTH);
        Checks.required(actor, "acting agency");
        Checks.required(rescheduledOn, "rescheduling date");
    }
}
