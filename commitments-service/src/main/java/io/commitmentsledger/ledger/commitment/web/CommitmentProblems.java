package io.commitmentsledger.ledger.commitment.web;

import io.commitmentsledger.ledger.commitment.CommitmentRule;
import io.commitmentsledger.ledger.commitment.CommitmentRuleViolation;
import io.commitmentsledger.ledger.commitment.NamesNotRegistered;
import io.commitmentsledger.ledger.commitment.VersionMismatch;
import io.commitmentsledger.ledger.commitment.WorkshopNotFound;
import io.commitmentsledger.ledger.commitment.application.IdempotencyKeyReused;
import io.commitmentsledger.ledger.web.ProblemType;
import io.commitmentsledger.ledger.web.Versions;
import io.commitmentsledger.security.SecurityProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How a refused command is answered: each way the commitment or the command can say no, with its problem type. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommitmentProblems {

    static final ProblemType WORKSHOP_NOT_FOUND =
            ProblemType.of("workshop-not-found", HttpStatus.NOT_FOUND, "Workshop not found");
    static final ProblemType COMMITMENT_EXISTS =
            ProblemType.of("commitment-exists", HttpStatus.CONFLICT, "Commitment already exists");
    static final ProblemType RULE_VIOLATION =
            ProblemType.of("rule-violation", HttpStatus.CONFLICT, "Commitment rule violated");
    static final ProblemType CONCURRENT_MODIFICATION = ProblemType.of(
            "concurrent-modification", HttpStatus.CONFLICT, "Commitment changed concurrently; retry the command");
    static final ProblemType VERSION_MISMATCH = ProblemType.of(
            "version-mismatch", HttpStatus.PRECONDITION_FAILED, "Commitment is not at the expected version");
    static final ProblemType NAME_NOT_REGISTERED =
            ProblemType.of("name-not-registered", HttpStatus.UNPROCESSABLE_CONTENT, "Name not registered");
    static final ProblemType IDEMPOTENCY_KEY_REUSED = ProblemType.of(
            "idempotency-key-reused",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "Idempotency key already used for a different request");

    @ExceptionHandler
    ProblemDetail commitmentNotFound(AggregateNotFoundException e) {
        return ProblemType.commitmentNotFound(String.valueOf(e.getAggregateIdentifier()));
    }

    @ExceptionHandler
    ProblemDetail workshopNotFound(WorkshopNotFound e) {
        return WORKSHOP_NOT_FOUND.problem(e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail commitmentExists(AggregateStreamCreationException e) {
        return COMMITMENT_EXISTS.problem("a commitment with this id has already been agreed");
    }

    /**
     * 409 for a broken business rule; 403 when the rule says the caller may not act on this commitment at all (its
     * agency is not one of the parties'), and then without the commitment's state.
     */
    @ExceptionHandler
    ProblemDetail ruleViolation(CommitmentRuleViolation e, HttpServletRequest request) {
        if (e.rule() == CommitmentRule.ACTING_AGENCY_ACTS_FOR_A_PARTY) {
            return SecurityProblems.refused(request, e.rule().ruleName(), e.getMessage());
        }
        ProblemDetail problem = RULE_VIOLATION.problem(e.getMessage());
        problem.setProperty("rule", e.rule().ruleName());
        if (e.status() != null) {
            problem.setProperty("commitmentStatus", e.status());
            problem.setProperty("version", e.version());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail concurrentModification(ConcurrencyException e) {
        return CONCURRENT_MODIFICATION.problem("another command on this commitment was recorded first");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> versionMismatch(VersionMismatch e) {
        ProblemDetail problem = VERSION_MISMATCH.problem(e.getMessage());
        List<Long> expected = e.expected().anyOf();
        if (expected.size() == 1) {
            problem.setProperty("expectedVersion", expected.get(0));
        } else {
            // A list of tags, or weak tags only (which match no version).
            problem.setProperty("expectedVersions", expected);
        }
        problem.setProperty("currentVersion", e.currentVersion());
        return ResponseEntity.status(problem.getStatus())
                .eTag(Versions.toEntityTag(e.currentVersion()))
                .body(problem);
    }

    /** 422, with {@code unregistered} listing each name the registry lacks, one sentence each. */
    @ExceptionHandler
    ProblemDetail namesNotRegistered(NamesNotRegistered e) {
        ProblemDetail problem = NAME_NOT_REGISTERED.problem(e.getMessage());
        problem.setProperty("unregistered", e.unregistered());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReused e) {
        return IDEMPOTENCY_KEY_REUSED.problem(e.getMessage());
    }
}
