package io.commitmentsledger.ledger.commitment.web;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.ledger.commitment.AgreeCommitmentCommand;
import io.commitmentsledger.ledger.commitment.CommandOutcome;
import io.commitmentsledger.ledger.commitment.CommitmentCommand;
import io.commitmentsledger.ledger.commitment.application.CommandSubmission;
import io.commitmentsledger.ledger.commitment.application.CommandSubmission.Accepted;
import io.commitmentsledger.ledger.commitment.application.IdempotentRequest;
import io.commitmentsledger.ledger.web.LedgerAccess;
import io.commitmentsledger.ledger.web.RequestFields;
import io.commitmentsledger.ledger.web.Versions;
import io.commitmentsledger.security.AccessRefused;
import io.commitmentsledger.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The commands agency systems send. Every response carries the commitment's new version as {@code ETag};
 * {@code If-Match} makes a command conditional on a version, and {@code Idempotency-Key} makes a retry safe.
 *
 * <p>The mapping declares what it consumes and produces, so that Spring refuses a request it could not answer (415,
 * 406) while matching it, before the command runs: a refused request records nothing.
 */
@RestController
@RequestMapping(
        path = "/api/v1/commitments",
        consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands", description = "Record facts about bilateral commitments")
class CommitmentCommandsController {

    private final CommandConversion conversion;
    private final CommandSubmission submission;
    private final ObjectMapper json;

    CommitmentCommandsController(CommandConversion conversion, CommandSubmission submission, ObjectMapper json) {
        this.conversion = conversion;
        this.submission = submission;
        this.json = json;
    }

    @PostMapping
    @Operation(
            summary = "Agree a commitment",
            description = "Records that both parties agreed it. 201 with Location and ETag \"0\". The partnership,"
                    + " area, countries and agencies must be in the ledger's names registry (422"
                    + " name-not-registered).")
    ResponseEntity<CommandOutcome> agree(
            @RequestBody CommandRequests.Agree body, CommandHeaders headers, @AuthenticationPrincipal Caller caller) {
        return accept(conversion.agree(actor(caller), body), headers, body);
    }

    @PostMapping("/{commitmentId}/confirmations")
    @Operation(summary = "Confirm a commitment for the acting agency's party; repeating it records nothing")
    ResponseEntity<CommandOutcome> confirm(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.Confirm body,
            CommandHeaders headers,
            @AuthenticationPrincipal Caller caller) {
        return accept(
                conversion.confirm(actor(caller), commitmentId(commitmentId), body, headers.expectedVersion()),
                headers,
                body);
    }

    @PostMapping("/{commitmentId}/workshops")
    @Operation(summary = "Schedule a workshop under a commitment")
    ResponseEntity<CommandOutcome> scheduleWorkshop(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.ScheduleWorkshop body,
            CommandHeaders headers,
            @AuthenticationPrincipal Caller caller) {
        return accept(
                conversion.scheduleWorkshop(actor(caller), commitmentId(commitmentId), body, headers.expectedVersion()),
                headers,
                body);
    }

    @PostMapping("/{commitmentId}/workshops/{workshopId}/reschedulings")
    @Operation(summary = "Move a scheduled workshop to a new window, format or location")
    ResponseEntity<CommandOutcome> rescheduleWorkshop(
            @PathVariable String commitmentId,
            @PathVariable String workshopId,
            @RequestBody CommandRequests.RescheduleWorkshop body,
            CommandHeaders headers,
            @AuthenticationPrincipal Caller caller) {
        return accept(
                conversion.rescheduleWorkshop(
                        actor(caller),
                        commitmentId(commitmentId),
                        workshopId(workshopId),
                        body,
                        headers.expectedVersion()),
                headers,
                body);
    }

    @PostMapping("/{commitmentId}/workshops/{workshopId}/cancellation")
    @Operation(summary = "Cancel a scheduled workshop")
    ResponseEntity<CommandOutcome> cancelWorkshop(
            @PathVariable String commitmentId,
            @PathVariable String workshopId,
            @RequestBody CommandRequests.CancelWorkshop body,
            CommandHeaders headers,
            @AuthenticationPrincipal Caller caller) {
        return accept(
                conversion.cancelWorkshop(
                        actor(caller),
                        commitmentId(commitmentId),
                        workshopId(workshopId),
                        body,
                        headers.expectedVersion()),
                headers,
                body);
    }

    @PostMapping("/{commitmentId}/workshops/{workshopId}/outcome")
    @Operation(summary = "Record that a scheduled workshop was held, with its outcome")
    ResponseEntity<CommandOutcome> recordWorkshopOutcome(
            @PathVariable String commitmentId,
            @PathVariable String workshopId,
            @RequestBody CommandRequests.WorkshopOutcome body,
            CommandHeaders headers,
            @AuthenticationPrincipal Caller caller) {
        return accept(
                conversion.recordWorkshopOutcome(
                        actor(caller),
                        commitmentId(commitmentId),
                        workshopId(workshopId),
                        body,
                        headers.expectedVersion()),
                headers,
                body);
    }

    @PostMapping("/{commitmentId}/progress-reports")
    @Operation(summary = "Report progress on a commitment")
    ResponseEntity<CommandOutcome> reportProgress(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.ProgressReport body,
            CommandHeaders headers,
            @AuthenticationPrincipal Caller caller) {
        return accept(
                conversion.reportProgress(actor(caller), commitmentId(commitmentId), body, headers.expectedVersion()),
                headers,
                body);
    }

    @PostMapping("/{commitmentId}/completions")
    @Operation(
            summary = "Mark a commitment complete for the acting agency's party",
            description = "When both parties have marked it, CommitmentCompleted is recorded too. Repeating a"
                    + " marking records nothing.")
    ResponseEntity<CommandOutcome> markComplete(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.Completion body,
            CommandHeaders headers,
            @AuthenticationPrincipal Caller caller) {
        return accept(
                conversion.markComplete(actor(caller), commitmentId(commitmentId), body, headers.expectedVersion()),
                headers,
                body);
    }

    @PostMapping("/{commitmentId}/amendments")
    @Operation(
            summary = "Amend a commitment's target, with a reason",
            description = "Moves the target, sets one where there was none, or withdraws it (no target: the"
                    + " commitment is then never overdue).")
    ResponseEntity<CommandOutcome> amendTarget(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.Amendment body,
            CommandHeaders headers,
            @AuthenticationPrincipal Caller caller) {
        return accept(
                conversion.amendTarget(actor(caller), commitmentId(commitmentId), body, headers.expectedVersion()),
                headers,
                body);
    }

    @PostMapping("/{commitmentId}/agreement-date-corrections")
    @Operation(
            summary = "Correct the recorded agreement date, with a reason",
            description = "Records AgreementDateCorrected: the agreement date as the source gives it (such as 2022"
                    + " for an agreement recorded as 2022-12-31). The agreement stays as recorded.")
    ResponseEntity<CommandOutcome> correctAgreementDate(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.AgreementDateCorrection body,
            CommandHeaders headers,
            @AuthenticationPrincipal Caller caller) {
        return accept(
                conversion.correctAgreementDate(
                        actor(caller), commitmentId(commitmentId), body, headers.expectedVersion()),
                headers,
                body);
    }

    @PostMapping("/{commitmentId}/withdrawal")
    @Operation(summary = "Withdraw the acting agency's party from a commitment; ends it")
    ResponseEntity<CommandOutcome> withdraw(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.Withdrawal body,
            CommandHeaders headers,
            @AuthenticationPrincipal Caller caller) {
        return accept(
                conversion.withdraw(actor(caller), commitmentId(commitmentId), body, headers.expectedVersion()),
                headers,
                body);
    }

    /**
     * Runs the command, once per idempotency key when one is sent, and answers its outcome: 201 with a Location for a
     * new commitment, 200 otherwise, the version as ETag either way.
     */
    private ResponseEntity<CommandOutcome> accept(CommitmentCommand command, CommandHeaders headers, Object body) {
        Accepted accepted = headers.checkedIdempotencyKey()
                .map(key -> submission.submit(
                        command, IdempotentRequest.of(key, headers.method(), headers.path(), canonical(body, command))))
                .orElseGet(() -> submission.submit(command));
        CommandOutcome outcome = accepted.outcome();
        var response = command instanceof AgreeCommitmentCommand
                ? ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/v1/commitments/" + outcome.commitmentId() + "/events"))
                : ResponseEntity.ok();
        response.eTag(Versions.toEntityTag(outcome.version()));
        if (accepted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(outcome);
    }

    /**
     * The request as the ledger understood it, for its idempotency fingerprint: the body with the acting agency the
     * command is recorded as, whether the body named it or not. A retry matches whichever way it is written; the same
     * key from another agency does not (it is refused, never answered with another agency's outcome).
     */
    private String canonical(Object body, CommitmentCommand command) {
        ObjectNode understood = json.valueToTree(body);
        understood.put("actingAgency", command.actor().toString());
        if (understood.get("target") instanceof ObjectNode target) {
            understood.set("target", fingerprintedAsBefore(target));
        }
        return json.writeValueAsString(understood);
    }

    /**
     * A target in the older object form, written as the ledger wrote it into fingerprints before targets could also
     * be text: {@code {"date": ..., "quarter": ...}}, both present, in that order. A retry sent after an upgrade must
     * match the request its key first recorded, or an agency that retries is refused for having done nothing wrong.
     */
    private ObjectNode fingerprintedAsBefore(ObjectNode target) {
        ObjectNode before = json.createObjectNode();
        before.set("date", target.get("date") == null ? json.nullNode() : target.get("date"));
        before.set("quarter", target.get("quarter") == null ? json.nullNode() : target.get("quarter"));
        target.propertyNames().forEach(name -> {
            if (!before.has(name)) {
                before.set(name, target.get(name));
            }
        });
        return before;
    }

    /** The agency the caller's token names, which the command is recorded as. */
    private static ActingAgency actor(Caller caller) {
        return caller.agencyCode()
                .flatMap(CommitmentCommandsController::agency)
                .orElseThrow(() -> new AccessRefused(
                        LedgerAccess.COMMANDS_NEED_AN_AGENCY.name(),
                        "the caller's token names no agency (COUNTRY/AGENCY, such as JP/METI) to record the command"
                                + " as"));
    }

    private static Optional<ActingAgency> agency(String code) {
        try {
            return Optional.of(ActingAgency.parse(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static CommitmentId commitmentId(String value) {
        return RequestFields.single("commitmentId", () -> new CommitmentId(value));
    }

    private static WorkshopId workshopId(String value) {
        return RequestFields.single("workshopId", () -> new WorkshopId(value));
    }
}
