package io.commitmentsledger.projection.summary;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One party of a commitment and how far it has gone: when it confirmed, when it marked the commitment complete. */
public record PartyState(
        String country,
        List<String> agencies,
        @Nullable LocalDate confirmedOn,
        @Nullable LocalDate markedCompleteOn) {}
