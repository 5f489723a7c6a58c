package io.commitmentsledger.ledger.commitment.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to an accepted command. The {@code ETag} header carries the same version. */
@Schema(name = "CommandAccepted")
record CommandAccepted(
        @Schema(example = "jpuk-2024-semiconductor-workshop")
        String commitmentId,

        @Schema(description = "The commitment's version after the command: the sequence number of its newest event")
        long version,

        @Schema(description = "False when the command changed nothing, such as a party repeating its confirmation")
        boolean recorded) {}
