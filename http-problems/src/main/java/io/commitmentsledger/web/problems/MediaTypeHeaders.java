package io.commitmentsledger.web.problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Settles the {@code Accept} headers Spring MVC cannot use before it sees the request, for
 * every path (the APIs, the pages, the actuator, unknown paths):
 *
 * <ul>
 *   <li>An {@code Accept} that is no list of media ranges Spring can read ({@code garbage}, {@code q=nonsense}, more
 *       than the 50 ranges Spring sorts) is answered 400 {@code http-protocol} here. Left to Spring, negotiation fails
 *       again while the error itself is written: Spring then silently drops the problem body of a 4xx or 5xx and the
 *       client gets a bare 404 or 406 without a Content-Type. Answering it here, before handler mapping, writes the
 *       problem with its content type set and no negotiation, and no handler runs, so no command is recorded. 400
 *       rather than Spring's 406, because the field is malformed (RFC 9110 §15.5.1): 406 would claim a list of
 *       acceptable types the request never gave. Requests Tomcat refuses itself never get here: its error path and
 *       report valve set the problem content type without negotiating, whatever the {@code Accept}.
 * </ul>
 */
final class MediaTypeHeaders extends OncePerRequestFilter {

    /** Runs right after Spring Boot's character encoding and observation filters, before anything reads a header. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acceptable(request)) {
            refuse(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "the Accept header must be a list of at most 50 media ranges, such as application/json or */*,"
                            + " with quality values between 0 and 1");
            return;
        }
        chain.doFilter(request, response);
    }

    /** What Spring's {@code HeaderContentNegotiationStrategy} makes of the header, without failing on it later. */
    private static boolean acceptable(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (values.isEmpty()) {
            return true;
        }
        try {
            MimeTypeUtils.sortBySpecificity(MediaType.parseMediaTypes(values));
            return true;
        } catch (InvalidMediaTypeException | InvalidMimeTypeException e) {
            return false;
        }
    }

    /** The problem, written as is: no content negotiation, which is what the request's headers defeat. */
    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ContainerProblems.forStatus(status.value());
        problem.setDetail(detail);
        problem.setInstance(instance(request));
        byte[] body = ContainerProblems.json(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static @Nullable URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
