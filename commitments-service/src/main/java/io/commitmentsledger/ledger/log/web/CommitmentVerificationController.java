package io.commitmentsledger.ledger.log.web;

import static io.commitmentsledger.contracts.Checks.SLUG_MIN_LENGTH;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.ledger.history.CommitmentNotFound;
import io.commitmentsledger.ledger.log.CommitmentVerification;
import io.commitmentsledger.ledger.log.CommitmentVerification.Verification;
import io.commitmentsledger.ledger.web.ApiDocumentation;
import io.commitmentsledger.ledger.web.RequestFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** Checks a commitment's recorded history against the verifiable log, as an auditor with the verifier keys would. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Verifiable log", description = "Signed checkpoints, proofs and verifier keys, for auditors")
class CommitmentVerificationController {

    @Schema(name = "CommitmentVerification")
    record Report(
            @Schema(minLength = SLUG_MIN_LENGTH, maxLength = CommitmentId.MAX_LENGTH, pattern = ApiDocumentation.SLUG)
            String commitmentId,

            @Schema(
                    description = "Whether every check passed: the history is whole, unchanged and, as far as the"
                            + " newest checkpoint reaches, included in the signed log")
            boolean verified,

            @Schema(description = "Events in the event store", minimum = "0", maximum = "2147483647")
            int events,

            @Schema(
                    description = "Events proven included in the signed checkpoint; the others are too recent for it",
                    minimum = "0",
                    maximum = "2147483647")
            int checkpointedEvents,

            @Schema(
                    description = "The tree size of the newest checkpoint, checked against; null while none is signed",
                    minimum = "1",
                    maximum = ApiDocumentation.LARGEST)
            @Nullable
            Long treeSize,

            @Schema(
                    description = "The first sequence at which the history does not verify; null if it verifies, or"
                            + " if the checkpoint itself does not",
                    minimum = "0",
                    maximum = ApiDocumentation.LARGEST)
            @Nullable
            Long firstBrokenSequence,

            @Schema(description = "Why it does not verify; null if it does", maxLength = 2000) @Nullable
            String reason,

            @Schema(
                    description = "The tlog-proof of the newest checkpointed event, which chains to every earlier"
                            + " one: keep it to check the history offline; null while no event is checkpointed",
                    format = "uri-reference",
                    maxLength = 400)
            @Nullable
            String proof) {}

    private final CommitmentVerification verification;

    CommitmentVerificationController(CommitmentVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/commitments/{commitmentId}/verification")
    @Operation(summary = "Verifies a commitment's history against the signed log; reports the first break and why")
    Report verify(@PathVariable String commitmentId) {
        CommitmentId id = RequestFields.single("commitmentId", () -> new CommitmentId(commitmentId));
        Verification result = verification.verify(id.value()).orElseThrow(() -> new CommitmentNotFound(id));
        String newest = result.newestCheckpointedEventId();
        return new Report(
                result.commitmentId(),
                result.verified(),
                result.events(),
                result.checkpointedEvents(),
                result.treeSize(),
                result.firstBrokenSequence(),
                result.reason(),
                newest == null
                        ? null
                        : "/api/v1/events/" + UriUtils.encodePathSegment(newest, "UTF-8") + "/tlog-proof");
    }
}
