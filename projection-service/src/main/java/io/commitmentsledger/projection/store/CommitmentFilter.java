package io.commitmentsledger.projection.store;

import io.commitmentsledger.projection.summary.CommitmentStatus;

/** What a list of commitments is narrowed to; null fields do not narrow. */
public record CommitmentFilter(
        String partnershipId, String area, String party, CommitmentStatus status, Boolean overdue, String text) {}
