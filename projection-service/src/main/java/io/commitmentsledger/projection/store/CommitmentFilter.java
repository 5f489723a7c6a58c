package io.commitmentsledger.projection.store;

import io.commitmentsledger.projection.summary.CommitmentStatus;
import org.jspecify.annotations.Nullable;

/** What a list of commitments is narrowed to; null fields do not narrow. */
public record CommitmentFilter(
        @Nullable String partnershipId,
        @Nullable String area,
        @Nullable String party,
        @Nullable CommitmentStatus status,
        @Nullable Boolean overdue,
        @Nullable String text) {}
