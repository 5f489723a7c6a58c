package io.commitmentsledger.ledger.commitment;

import static io.commitmentsledger.contracts.Checks.LOCATION_LENGTH;
import static io.commitmentsledger.contracts.Checks.TITLE_LENGTH;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Schedule a workshop under the commitment, within a window of days. Format and host are optional: a source that
 * does not say how or by whom a workshop is held leaves them unrecorded.
 */
public record ScheduleWorkshopCommand(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        WorkshopId workshopId,
        String title,
        DateWindow window,
        @Nullable WorkshopFormat format,
        @Nullable String location,
        @Nullable CountryCode host,
        ActingAgency actor,
        LocalDate scheduledOn,
        @Nullable ExpectedVersion expectedVersion)
        implements VersionedCommand {

    public ScheduleWorkshopCommand {
        Checks.required(workshopId, "workshop id");
        title = Checks.text(title, "title", TITLE_LENGTH);
        Checks.required(window, "window");
        location = Checks.optionalText(location, "location", LOCATION_LENGTH);
        Checks.required(actor, "acting agency");
        Checks.required(scheduledOn, "scheduling date");
    }
}
