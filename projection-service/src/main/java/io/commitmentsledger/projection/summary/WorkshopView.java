package io.commitmentsledger.projection.summary;

import java.time.LocalDate;

/** A workshop under a commitment as it stands now. {@code state} is SCHEDULED, CANCELLED or HELD. */
public record WorkshopView(
        String workshopId,
        String title,
        LocalDate start,
        LocalDate end,
        String format,
        String location,
        String host,
        String state,
        LocalDate heldOn,
        String outcome) {}
