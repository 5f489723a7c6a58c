package io.commitmentsledger.ledger.log.web;

import io.commitmentsledger.ledger.log.LogDamaged;
import io.commitmentsledger.ledger.web.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the log's reads answer what is not there, not there yet, or no longer matches the log. */
@RestControllerAdvice(assignableTypes = {LogController.class, LedgerExportController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class LogProblems {

    static final ProblemType CHECKPOINT_NOT_FOUND =
            ProblemType.of("checkpoint-not-found", HttpStatus.NOT_FOUND, "Checkpoint not found");
    static final ProblemType LOG_ENTRY_NOT_FOUND =
            ProblemType.of("log-entry-not-found", HttpStatus.NOT_FOUND, "Log entry not found");
    static final ProblemType NOT_YET_CHECKPOINTED = ProblemType.of(
            "not-yet-checkpointed", HttpStatus.CONFLICT, "Not yet covered by a signed checkpoint; retry shortly");
    static final ProblemType EVENT_DOES_NOT_MATCH_LOG = ProblemType.of(
            "event-does-not-match-log", HttpStatus.CONFLICT, "The stored event does not match its log entry");
    static final ProblemType LOG_DAMAGED = ProblemType.of(
            "log-damaged",
            HttpStatus.CONFLICT,
            "The stored log is incomplete: it was altered behind the ledger's back");

    @ExceptionHandler
    ResponseEntity<ProblemDetail> logProblem(LogProblem e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.type().status());
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        return response.body(e.type().problem(e.getMessage()));
    }

    /** A proof cannot be computed from a tree whose rows were removed: a conflict with the log's state, never a 500. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> logDamaged(LogDamaged e) {
        return ResponseEntity.status(LOG_DAMAGED.status())
                .body(LOG_DAMAGED.problem(e.getMessage()
                        + "; GET /api/v1/commitments/{id}/verification says which commitments this breaks"));
    }
}
