package io.commitmentsledger.ledger.commitment.web;

import io.commitmentsledger.ledger.commitment.ExpectedVersion;
import io.commitmentsledger.ledger.web.InvalidHeader;
import io.commitmentsledger.ledger.web.Versions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * What every command request carries besides its body: {@code If-Match} (the version the client expects) and
 * {@code Idempotency-Key}, with the request's method and path, which make up the idempotency fingerprint. Endpoints
 * take it as one argument ({@link Resolver}).
 */
record CommandHeaders(@Nullable String ifMatch, @Nullable String idempotencyKey, String method, String path) {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** The versions {@code If-Match} accepts ({@link Versions#fromIfMatch}); null when absent or {@code *}. */
    @Nullable
    ExpectedVersion expectedVersion() {
        List<Long> versions = Versions.fromIfMatch(ifMatch);
        return versions == null ? null : ExpectedVersion.anyOf(versions);
    }

    /** The idempotency key, checked; empty when the client sent none. */
    Optional<String> checkedIdempotencyKey() {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidHeader(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters, such as a UUID");
        }
        return Optional.ofNullable(idempotencyKey);
    }

    /** Reads the headers of a command request into one {@link CommandHeaders} argument. */
    static final class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == CommandHeaders.class;
        }

        @Override
        public CommandHeaders resolveArgument(
                MethodParameter parameter,
                @Nullable ModelAndViewContainer mavContainer,
                NativeWebRequest request,
                @Nullable WebDataBinderFactory binderFactory) {
            var http = request.getNativeRequest(jakarta.servlet.http.HttpServletRequest.class);
            if (http == null) {
                throw new IllegalStateException("command endpoints are served over HTTP only");
            }
            String[] ifMatch = request.getHeaderValues(HttpHeaders.IF_MATCH);
            return new CommandHeaders(
                    // Several If-Match lines are one list (RFC 9110 section 5.3).
                    ifMatch == null ? null : String.join(", ", ifMatch),
                    request.getHeader(IDEMPOTENCY_KEY),
                    http.getMethod(),
                    http.getRequestURI());
        }
    }
}
