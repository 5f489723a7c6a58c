package io.commitmentsledger.security;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A named rule a caller must meet to use an endpoint, such as {@code reads-need-an-agency-or-auditor}. The name is
 * what a 403 problem's {@code rule} member and the refusal's log line carry, so that a refusal says which rule it
 * applied. A request without a checked token meets no rule but {@link #OPEN}, and is answered 401.
 */
public record AccessRule(String name, String description, Predicate<Caller> allows) {

    /** Where the rule that refused a request is kept for the 403 answer. */
    static final String REFUSING_RULE = AccessRule.class.getName() + ".refusing";

    /** Anyone, with or without a token: health probes, the OpenAPI documents, Swagger UI. */
    public static final AccessRule OPEN = new AccessRule("open", "anyone may", caller -> true);

    public static AccessRule requiring(String name, String description, Role... anyOf) {
        return new AccessRule(
                name, description, caller -> java.util.Arrays.stream(anyOf).anyMatch(caller::has));
    }

    /** This rule as Spring Security applies it to a request, remembering itself on the request when it refuses. */
    AuthorizationResult decide(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (this == OPEN) {
            return new AuthorizationDecision(true);
        }
        boolean granted =
                authentication.get() instanceof CallerAuthentication caller && allows.test(caller.getPrincipal());
        if (!granted) {
            context.getRequest().setAttribute(REFUSING_RULE, this);
        }
        return new AuthorizationDecision(granted);
    }
}
