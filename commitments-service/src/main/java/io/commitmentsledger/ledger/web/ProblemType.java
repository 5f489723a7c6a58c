package io.commitmentsledger.ledger.web;

import io.commitmentsledger.web.problems.ContainerProblems;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A kind of error the API answers: a stable RFC 9457 {@code type} URI that clients can match on, the one HTTP status
 * it maps to, and a title. The kinds every endpoint shares are here; each feature declares its own beside the
 * exceptions it maps ({@code docs/api.md} lists them all).
 */
public record ProblemType(URI type, HttpStatus status, String title) {

    static final String BASE = ContainerProblems.BASE;

    public static final ProblemType INVALID_REQUEST =
            of("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request fields");
    public static final ProblemType MALFORMED_REQUEST =
            of("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request body");
    public static final ProblemType INVALID_HEADER =
            of("invalid-header", HttpStatus.BAD_REQUEST, "Invalid request header");
    public static final ProblemType REQUEST_TOO_LARGE =
            of("request-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
    public static final ProblemType COMMITMENT_NOT_FOUND =
            of("commitment-not-found", HttpStatus.NOT_FOUND, "Commitment not found");
    public static final ProblemType LEDGER_BUSY =
            of("ledger-busy", HttpStatus.SERVICE_UNAVAILABLE, "Ledger busy; retry shortly");
    public static final ProblemType DATABASE_UNAVAILABLE =
            of("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable; retry shortly");
    public static final ProblemType INTERNAL_ERROR =
            of("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    /** The type of Spring MVC's own protocol errors (405, 406, 415, unknown paths...), whose status varies. */
    static final URI HTTP_PROTOCOL = ContainerProblems.HTTP_PROTOCOL;

    public static ProblemType of(String slug, HttpStatus status, String title) {
        return new ProblemType(URI.create(BASE + slug), status, title);
    }

    /** A problem response of this kind. */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** The shared answer for a commitment that was never agreed, whichever feature finds it missing. */
    public static ProblemDetail commitmentNotFound(String commitmentId) {
        ProblemDetail problem = COMMITMENT_NOT_FOUND.problem("no commitment " + commitmentId + " has been agreed");
        problem.setProperty("commitmentId", commitmentId);
        return problem;
    }
}
