package io.commitmentsledger.web.problems;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to a request the servlet container refuses itself (a malformed or oversized request line, path or header,
 * {@code CONNECT}, {@code TRACE}, broken body framing), whether Tomcat writes it ({@link ProblemErrorReportValve}) or
 * forwards it to the error path ({@link ProblemErrorController}). The status stays the one Tomcat chose; the type is
 * the one both services give Spring MVC's own protocol errors, or internal-error for a 500. Details are fixed
 * sentences: nothing of the request is echoed, nothing of the server is named.
 */
public final class ContainerProblems {

    /** Where every problem type of the ledger's APIs lives: {@code <BASE><slug>}. */
    public static final String BASE = "https://commitments-ledger.dev/problems/";

    /** The type of protocol errors, from the container or Spring MVC (405, 406, 415, unknown paths...). */
    public static final URI HTTP_PROTOCOL = URI.create(BASE + "http-protocol");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContainerProblems() {}

    static ProblemDetail forStatus(int status) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (status == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            problem.setType(URI.create(BASE + "internal-error"));
            problem.setTitle("Internal error");
            problem.setDetail("the request could not be handled");
            return problem;
        }
        HttpStatus known = HttpStatus.resolve(status);
        problem.setType(HTTP_PROTOCOL);
        problem.setTitle(known != null ? known.getReasonPhrase() : "HTTP error " + status);
        problem.setDetail(detail(status));
        return problem;
    }

    /**
     * The RFC 9457 members as Spring MVC writes them, for the answers written without Spring MVC's message converters
     * (and so without content negotiation).
     */
    static String json(ProblemDetail problem) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.getType().toString());
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            fields.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            fields.put("instance", problem.getInstance().toString());
        }
        return JSON.writeValueAsString(fields);
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
