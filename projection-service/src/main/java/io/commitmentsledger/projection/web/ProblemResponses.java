package io.commitmentsledger.projection.web;

import io.commitmentsledger.web.problems.ContainerProblems;
import io.commitmentsledger.web.problems.DatabaseFailures;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every failure as RFC 9457 {@code application/problem+json} with a stable type. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** Seconds a client waits before retrying while the database is away: it restarts within seconds. */
    private static final String DATABASE_RETRY_AFTER_SECONDS = "2";

    @ExceptionHandler
    ProblemDetail notFound(NotFound e) {
        return notFoundProblem(e);
    }

    /** The 404 problem for what is not known; the pages answer it too, to clients that do not ask for HTML. */
    static ProblemDetail notFoundProblem(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "commitment-not-found", "Commitment not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidParameter e) {
        return invalidParameter(e.parameter(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidParameter(MethodArgumentTypeMismatchException e) {
        return invalidParameter(e.getName(), e.getName() + " has an invalid value");
    }

    /** A 400 whose {@code parameter} names the parameter at fault. */
    private static ProblemDetail invalidParameter(String parameter, String detail) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request parameter", detail);
        problem.setProperty("parameter", parameter);
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyWaiting(TooManyWaitingReads e) {
        return retryLater(problem(
                HttpStatus.SERVICE_UNAVAILABLE, "too-many-waiting-reads", "Too many waiting reads", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> lagging(ProjectionLagging e) {
        ProblemDetail problem =
                problem(HttpStatus.SERVICE_UNAVAILABLE, "version-not-yet-visible", "Not yet visible", e.getMessage());
        problem.setProperty("requiredVersion", e.requiredVersion());
        problem.setProperty("currentVersion", e.currentVersion());
        return retryLater(problem);
    }

    /** A 503 that tells the client when to ask again. */
    private static ResponseEntity<ProblemDetail> retryLater(ProblemDetail problem) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    /**
     * Anything unexpected: logged in full, answered without internals. A database that cannot be reached is an outage,
     * not a bug: 503 database-unavailable, within the pool's connection timeout. So is a pool whose connections all
     * stayed busy for that long: reads are short, so it means the database stopped answering them.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.unreachable(e) || DatabaseFailures.poolExhausted(e)) {
            log.warn("The database is unavailable: {}", DatabaseFailures.innermostMessage(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                    .body(problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "database-unavailable",
                            "Database unavailable; retry shortly",
                            "the read model's database cannot be reached; retry shortly"));
        }
        log.error("Unexpected failure handling a request", e);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "Internal error",
                        "the request could not be handled"));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            problem.setType(ContainerProblems.HTTP_PROTOCOL);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ContainerProblems.BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
