package io.commitmentsledger.ledger.commitment.web;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.ledger.commitment.web.CommandSubmission.Accepted;
import io.commitmentsledger.ledger.idempotency.IdempotentRequest;
import io.commitmentsledger.ledger.web.RequestFields;
import io.commitmentsledger.ledger.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * The commands agency systems send. Every response carries the commitment's new version as {@code ETag};
 * {@code If-Match} makes a command conditional on a version, and {@code Idempotency-Key} makes a retry safe.
 */
@RestController
@RequestMapping(path = "/api/v1/commitments", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands", description = "Record facts about bilateral commitments")
class CommitmentCommandsController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

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
            description = "Records that both parties agreed it. 201 with Location and ETag \"0\".")
    ResponseEntity<CommandAccepted> agree(
            @RequestBody CommandRequests.Agree body,
            @Parameter(description = "Makes a retry safe: the same key and body return the first response")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String idempotencyKey,
            HttpServletRequest request) {
        var command = conversion.agree(body);
        return respond(command.commitmentId(), command, HttpStatus.CREATED, idempotencyKey, request, body);
    }

    @PostMapping("/{commitmentId}/confirmations")
    @Operation(summary = "Confirm a commitment for the acting agency's party; repeating it records nothing")
    ResponseEntity<CommandAccepted> confirm(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.Confirm body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request) {
        CommitmentId id = commitmentId(commitmentId);
        var command = conversion.confirm(id, body, Versions.fromIfMatch(ifMatch));
        return respond(id, command, HttpStatus.OK, idempotencyKey, request, body);
    }

    @PostMapping("/{commitmentId}/workshops")
    @Operation(summary = "Schedule a workshop under a commitment")
    ResponseEntity<CommandAccepted> scheduleWorkshop(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.ScheduleWorkshop body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request) {
        CommitmentId id = commitmentId(commitmentId);
        var command = conversion.scheduleWorkshop(id, body, Versions.fromIfMatch(ifMatch));
        return respond(id, command, HttpStatus.OK, idempotencyKey, request, body);
    }

    @PostMapping("/{commitmentId}/workshops/{workshopId}/reschedulings")
    @Operation(summary = "Move a scheduled workshop to a new window, format or location")
    ResponseEntity<CommandAccepted> rescheduleWorkshop(
            @PathVariable String commitmentId,
            @PathVariable String workshopId,
            @RequestBody CommandRequests.RescheduleWorkshop body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request) {
        CommitmentId id = commitmentId(commitmentId);
        var command = conversion.rescheduleWorkshop(id, workshopId(workshopId), body, Versions.fromIfMatch(ifMatch));
        return respond(id, command, HttpStatus.OK, idempotencyKey, request, body);
    }

    @PostMapping("/{commitmentId}/workshops/{workshopId}/cancellation")
    @Operation(summary = "Cancel a scheduled workshop")
    ResponseEntity<CommandAccepted> cancelWorkshop(
            @PathVariable String commitmentId,
            @PathVariable String workshopId,
            @RequestBody CommandRequests.CancelWorkshop body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request) {
        CommitmentId id = commitmentId(commitmentId);
        var command = conversion.cancelWorkshop(id, workshopId(workshopId), body, Versions.fromIfMatch(ifMatch));
        return respond(id, command, HttpStatus.OK, idempotencyKey, request, body);
    }

    @PostMapping("/{commitmentId}/workshops/{workshopId}/outcome")
    @Operation(summary = "Record that a scheduled workshop was held, with its outcome")
    ResponseEntity<CommandAccepted> recordWorkshopOutcome(
            @PathVariable String commitmentId,
            @PathVariable String workshopId,
            @RequestBody CommandRequests.WorkshopOutcome body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request) {
        CommitmentId id = commitmentId(commitmentId);
        var command = conversion.recordWorkshopOutcome(id, workshopId(workshopId), body, Versions.fromIfMatch(ifMatch));
        return respond(id, command, HttpStatus.OK, idempotencyKey, request, body);
    }

    @PostMapping("/{commitmentId}/progress-reports")
    @Operation(summary = "Report progress on a commitment")
    ResponseEntity<CommandAccepted> reportProgress(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.ProgressReport body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request) {
        CommitmentId id = commitmentId(commitmentId);
        var command = conversion.reportProgress(id, body, Versions.fromIfMatch(ifMatch));
        return respond(id, command, HttpStatus.OK, idempotencyKey, request, body);
    }

    @PostMapping("/{commitmentId}/completions")
    @Operation(
            summary = "Mark a commitment complete for the acting agency's party",
            description = "When both parties have marked it, CommitmentCompleted is recorded too. Repeating a"
                    + " marking records nothing.")
    ResponseEntity<CommandAccepted> markComplete(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.Completion body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request) {
        CommitmentId id = commitmentId(commitmentId);
        var command = conversion.markComplete(id, body, Versions.fromIfMatch(ifMatch));
        return respond(id, command, HttpStatus.OK, idempotencyKey, request, body);
    }

    @PostMapping("/{commitmentId}/amendments")
    @Operation(summary = "Amend a commitment's target, with a reason")
    ResponseEntity<CommandAccepted> amendTarget(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.Amendment body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request) {
        CommitmentId id = commitmentId(commitmentId);
        var command = conversion.amendTarget(id, body, Versions.fromIfMatch(ifMatch));
        return respond(id, command, HttpStatus.OK, idempotencyKey, request, body);
    }

    @PostMapping("/{commitmentId}/withdrawal")
    @Operation(summary = "Withdraw the acting agency's party from a commitment; ends it")
    ResponseEntity<CommandAccepted> withdraw(
            @PathVariable String commitmentId,
            @RequestBody CommandRequests.Withdrawal body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request) {
        CommitmentId id = commitmentId(commitmentId);
        var command = conversion.withdraw(id, body, Versions.fromIfMatch(ifMatch));
        return respond(id, command, HttpStatus.OK, idempotencyKey, request, body);
    }

    private ResponseEntity<CommandAccepted> respond(
            CommitmentId id,
            Object command,
            HttpStatus status,
            String idempotencyKey,
            HttpServletRequest request,
            Object body) {
        IdempotentRequest idempotent = IdempotentRequest.of(
                idempotencyKey, request.getMethod(), request.getRequestURI(), json.writeValueAsString(body));
        Accepted accepted = submission.submit(id, command, status, idempotent);
        var response = ResponseEntity.status(accepted.status()).eTag(Versions.toEntityTag(accepted.version()));
        if (accepted.status() == HttpStatus.CREATED) {
            response.location(URI.create("/api/v1/commitments/" + accepted.commitmentId() + "/events"));
        }
        if (accepted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(
                new CommandAccepted(accepted.commitmentId().value(), accepted.version(), accepted.recorded()));
    }

    private static CommitmentId commitmentId(String value) {
        return RequestFields.single("commitmentId", () -> new CommitmentId(value));
    }

    private static WorkshopId workshopId(String value) {
        return RequestFields.single("workshopId", () -> new WorkshopId(value));
    }
}
