package io.commitmentsledger.ledger.web;

import io.commitmentsledger.web.problems.DatabaseFailures;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Maps the failures every endpoint shares to RFC 9457 {@code application/problem+json} responses with a stable {@link
 * ProblemType}: invalid fields and headers, unreadable bodies, Spring MVC's protocol errors and anything unexpected.
 * Each feature maps its own exceptions in its own advice, which Spring consults first (this one has the lowest
 * precedence, because it also catches every {@link Exception}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** PostgreSQL's SQLSTATE for a statement cancelled by {@code statement_timeout}. */
    private static final String QUERY_CANCELED = "57014";

    /** Seconds a client waits before retrying while the database is away: it restarts within seconds. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "2";

    @ExceptionHandler
    ProblemDetail invalidRequest(InvalidRequest e) {
        ProblemDetail problem = ProblemType.INVALID_REQUEST.problem(e.problems().size() + " field(s) are invalid");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidHeader(InvalidHeader e) {
        ProblemDetail problem = ProblemType.INVALID_HEADER.problem(e.getMessage());
        problem.setProperty("header", e.header());
        return problem;
    }

    /**
     * Anything unexpected: logged in full, answered without internals. A database that cannot be reached is an outage,
     * not a bug: 503 database-unavailable, within the pool's connection timeout. A statement that ran past the
     * command's statement timeout (PostgreSQL's query_canceled), or a pool whose connections all stayed busy, means
     * the ledger is overloaded: 503 ledger-busy. Both are worth a retry.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.unreachable(e) || rollbackLostItsConnection(e)) {
            log.warn("The database is unavailable: {}", DatabaseFailures.innermostMessage(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                    .body(ProblemType.DATABASE_UNAVAILABLE.problem(
                            "the ledger's database cannot be reached; retry shortly (a command whose commit was cut"
                                    + " off may have been recorded: retry it with the same Idempotency-Key)"));
        }
        if (hasSqlState(e, QUERY_CANCELED) || DatabaseFailures.poolExhausted(e)) {
            log.warn("The ledger is overloaded: {}", DatabaseFailures.innermostMessage(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .body(ProblemType.LEDGER_BUSY.problem("the ledger is busy; nothing was recorded"));
        }
        log.error("Unexpected failure handling a request", e);
        return ResponseEntity.internalServerError()
                .body(ProblemType.INTERNAL_ERROR.problem("the request could not be handled; nothing was recorded"));
    }

    /**
     * When the database dies mid-command, the rollback fails too ("Connection is closed", which carries no SQLSTATE),
     * and Spring reports that failure, keeping the one that caused the rollback aside as the application exception.
     */
    private static boolean rollbackLostItsConnection(Throwable e) {
        return causes(e)
                .anyMatch(cause -> cause instanceof TransactionSystemException rollback
                        && rollback.getApplicationException() != null
                        && DatabaseFailures.unreachable(rollback.getApplicationException()));
    }

    private static boolean hasSqlState(Throwable e, String sqlState) {
        return causes(e).anyMatch(cause -> cause instanceof SQLException sql && sqlState.equals(sql.getSQLState()));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return causes(e).anyMatch(type::isInstance);
    }

    /** The exception and its causes, outermost first. */
    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause);
    }

    /**
     * Unparseable JSON (a repeated key included), a wrong JSON type or an unknown property: names the field where
     * Jackson can tell, without exposing Java class names. A body cut off at the size limit is 413 instead.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, RequestBodyLimit.TooLarge.class)) {
            ProblemDetail tooLarge = ProblemType.REQUEST_TOO_LARGE.problem(
                    "the request body is larger than " + RequestBodyLimit.MAX_BYTES + " bytes; nothing was recorded");
            tooLarge.setProperty("maxBytes", RequestBodyLimit.MAX_BYTES);
            return ResponseEntity.status(tooLarge.getStatus()).body(tooLarge);
        }
        ProblemDetail problem = ProblemType.MALFORMED_REQUEST.problem("the request body is not a readable JSON object");
        if (e.getCause() instanceof StreamReadException parsing) {
            problem.setDetail("the request body is not valid JSON: " + parsing.getOriginalMessage());
        } else if (e.getCause() instanceof JacksonException binding) {
            String field = jsonPath(binding.getPath());
            String message = binding instanceof PropertyBindingException
                    ? "is not a known property"
                    : "has the wrong JSON type: dates, codes and texts are strings, lists are arrays";
            problem.setDetail(field.isEmpty() ? "the request body " + message : field + " " + message);
            if (!field.isEmpty()) {
                problem.setProperty("errors", List.of(new InvalidRequest.FieldProblem(field, message)));
            }
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Spring MVC's own protocol errors (405, 406, 415, unknown paths...) keep their status and get a stable type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            problem.setType(ProblemType.HTTP_PROTOCOL);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
