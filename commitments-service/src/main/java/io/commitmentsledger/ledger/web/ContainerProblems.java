package io.commitmentsledger.ledger.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The answer to a request the servlet container refuses itself (a malformed or oversized request line, path or header,
 * {@code CONNECT}, {@code TRACE}, broken body framing), whether Tomcat writes it ({@link ProblemErrorReportValve}) or
 * forwards it to the error path ({@link ProblemErrorController}). The status stays the one Tomcat chose; the type is
 * the one Spring MVC's own protocol errors have, or internal-error for a 500. Details are fixed sentences: nothing of
 * the request is echoed, nothing of the server is named.
 */
final class ContainerProblems {

    private ContainerProblems() {}

    static ProblemDetail forStatus(int status) {
        if (status == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            return ProblemType.INTERNAL_ERROR.problem("the request could not be handled");
        }
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(ProblemType.HTTP_PROTOCOL);
        problem.setTitle(known != null ? known.getReasonPhrase() : "HTTP error " + status);
        problem.setDetail(detail(status));
        return problem;
    }

    private static @Nullable String detail(int status) {
        return switch (status) {
            case 400 ->
                "the request is not well-formed HTTP: a path with an encoded '/', an encoded NUL or bytes that are"
                        + " not percent-encoded UTF-8, a request line and headers over 8 KB, or a body whose framing"
                        + " is broken or ambiguous";
            case 404 -> "nothing is found at this path";
            case 405 -> "this method is not allowed here";
            case 501 -> "this method or transfer coding is not implemented";
            case 505 -> "only HTTP/1.1 and HTTP/1.0 are supported";
            default -> null;
        };
    }
}
