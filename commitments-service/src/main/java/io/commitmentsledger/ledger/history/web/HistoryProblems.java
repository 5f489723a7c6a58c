package io.commitmentsledger.ledger.history.web;

import io.commitmentsledger.ledger.history.CommitmentNotFound;
import io.commitmentsledger.ledger.history.EventNotFound;
import io.commitmentsledger.ledger.web.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How a read of the history answers what is not there. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class HistoryProblems {

    static final ProblemType EVENT_NOT_FOUND =
            ProblemType.of("event-not-found", HttpStatus.NOT_FOUND, "Event not found");

    @ExceptionHandler
    ProblemDetail eventNotFound(EventNotFound e) {
        return EVENT_NOT_FOUND.problem(e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail commitmentNotFound(CommitmentNotFound e) {
        return ProblemType.commitmentNotFound(e.commitmentId().value());
    }
}
