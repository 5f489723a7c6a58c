package io.commitmentsledger.web.problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
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
 * Settles the {@code Accept} and {@code Content-Type} headers Spring MVC cannot use before it sees the request, for
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
 *   <li>A {@code Content-Type} that names no single media type (a wildcard such as {@code *}{@code /*} or
 *       {@code application/*}, or no media type at all) on a request without a body describes nothing (RFC 9110
 *       §8.3), so the request goes on as if it had none. Left in place, a wildcard fails wherever Spring MVC
 *       looks for a body, as the actuator's endpoints do even on a GET: Spring Boot sets the request encoding on every
 *       request, Spring adds it to the header's media type as a charset, and that media type, a wildcard, is refused
 *       with an exception (a 500 on {@code GET /actuator/health}). With a body, such a header leaves the body's type
 *       unknown: 415 {@code http-protocol} here, as the JSON endpoints answer any type they do not read.
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
        String contentType = request.getContentType();
        if (contentType == null || namesOneMediaType(contentType)) {
            chain.doFilter(request, response);
        } else if (hasBody(request)) {
            refuse(
                    request,
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "the Content-Type of a body must name its media type, such as application/json, without wildcards");
        } else {
            chain.doFilter(new WithoutContentType(request), response);
        }
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

    private static boolean namesOneMediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isConcrete();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
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

    /** The request as if it came without a {@code Content-Type}. */
    private static final class WithoutContentType extends HttpServletRequestWrapper {

        WithoutContentType(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getContentType() {
            return null;
        }

        @Override
        public @Nullable String getHeader(String name) {
            return isContentType(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isContentType(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(WithoutContentType::isContentType);
            return Collections.enumeration(names);
        }

        private static boolean isContentType(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name);
        }
    }
}
