package io.commitmentsledger.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers and logs every refusal: 401 (no token, or one that does not check) with {@code WWW-Authenticate} as RFC 6750
 * sets it, and 403 naming the rule. The log line names the request, the caller and the rule, never the token.
 */
final class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private Refusals() {}

    /** 401: Spring Security's bearer entry point sets the status and {@code WWW-Authenticate}; the body is a problem. */
    static AuthenticationEntryPoint unauthenticated() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            String detail = exception instanceof OAuth2AuthenticationException refused
                    ? "the bearer token was refused: " + describe(refused)
                    : "this needs a bearer token (OAuth 2.0, RFC 6750): send Authorization: Bearer <token>";
            log.info("refused {} {}: 401, {}", request.getMethod(), request.getRequestURI(), detail);
            bearer.commence(request, response, exception);
            SecurityProblems.write(response, SecurityProblems.unauthorized(detail));
        };
    }

    /** 403 from an endpoint's rule: the rule that refused left itself on the request. */
    static AccessDeniedHandler denied() {
        return (request, response, exception) -> {
            AccessRule rule = (AccessRule) request.getAttribute(AccessRule.REFUSING_RULE);
            String name = rule == null ? "not-allowed" : rule.name();
            String detail = rule == null ? "this caller may not do this" : rule.description();
            logForbidden(request, name, detail);
            SecurityProblems.write(response, SecurityProblems.forbidden(name, detail));
        };
    }

    /** 403 from a service's own check past the endpoint's rule ({@link AccessRefused}). */
    static void logForbidden(HttpServletRequest request, String rule, String detail) {
        log.warn(
                "refused {} {} from {}: 403, rule {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                currentCaller(),
                rule,
                detail);
    }

    private static @Nullable Caller currentCaller() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller
                ? caller.getPrincipal()
                : null;
    }

    private static String describe(OAuth2AuthenticationException refused) {
        String description = refused.getError().getDescription();
        return description != null ? description : refused.getError().getErrorCode();
    }
}
