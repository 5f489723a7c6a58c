package io.commitmentsledger.security;

import io.commitmentsledger.web.openapi.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;

/** How both services' OpenAPI documents describe the bearer token, and what a secured operation may answer. */
public final class SecurityDocumentation {

    /** The name of the security scheme every secured operation requires. */
    public static final String SCHEME = "bearerAuth";

    /**
     * The scheme of operations only an administrator may use: the same bearer token, named apart so that the document
     * says which operations need the admin role (OWASP API5, broken function-level authorization).
     */
    public static final String ADMIN_SCHEME = "adminBearerAuth";

    /** The operation's extension listing the roles, any one of which its rule lets in. */
    public static final String ROLES_EXTENSION = "x-required-roles";

    private SecurityDocumentation() {}

    /** Declares the bearer-token scheme in the document's components. */
    public static void declareScheme(OpenAPI api) {
        if (api.getComponents() == null) {
            api.components(new Components());
        }
        api.getComponents()
                .addSecuritySchemes(
                        SCHEME,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description(
                                        "An OAuth 2.0 access token (a JWT) from the ledger's issuer, for the audience"
                                                + " commitments-ledger, sent as Authorization: Bearer <token>. Agency systems get one with the"
                                                + " client-credentials grant. Its claims name the caller's agency (such as"
                                                + " JP/METI) and roles (agency, auditor, admin); docs/security.md says who may"
                                                + " do what, and how an organisation's own issuer is connected. Tokens are checked as RFC8725"
                                                + " (JWT best current practice) asks: asymmetric signatures only, never"
                                                + " alg none, issuer, audience, expiry and not-before always."))
                .addSecuritySchemes(
                        ADMIN_SCHEME,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("The same OAuth 2.0 access token as bearerAuth (checked as RFC8725 asks),"
                                        + " whose roles claim includes admin: the operations that name this scheme"
                                        + " are for administrators only, and refuse any other caller with 403."));
    }

    /**
     * Describes every operation of the document by the rule the service applies to it ({@link EndpointRules}), so that
     * the document cannot say other than what is enforced: an open one needs nothing; any other requires the bearer
     * scheme (the admin scheme when only administrators may use it), lists the roles its rule lets in ({@link
     * #ROLES_EXTENSION}), and may answer 401
     * with {@code WWW-Authenticate} and 403 naming its rule, and the rules the service checks past it ({@code
     * pastTheEndpoint}, by the endpoint rule's name).
     */
    public static void describe(OpenAPI api, EndpointRules rules, Map<String, List<String>> pastTheEndpoint) {
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    AccessRule rule = rules.ruleFor(HttpMethod.valueOf(method.name()), path)
                            .map(EndpointRules.EndpointRule::rule)
                            .orElseThrow(() -> new IllegalStateException(method + " " + path + " has no access rule"));
                    if (rule != AccessRule.OPEN) {
                        List<String> refusing = new ArrayList<>(List.of(rule.name()));
                        refusing.addAll(pastTheEndpoint.getOrDefault(rule.name(), List.of()));
                        secured(api, operation, rule, refusing);
                    }
                }));
    }

    private static void secured(OpenAPI api, Operation operation, AccessRule rule, List<String> refusing) {
        List<String> roles = rolesAllowedBy(rule);
        // Administrators' operations name the admin scheme, and where others may use them too, a scheme of each of
        // their roles, never the one everyone's operations name: the document tells administrators' operations apart
        // (OWASP API5, Spectral's admin-security-unique).
        List<SecurityRequirement> requirements = new ArrayList<>();
        if (!roles.contains(Role.ADMIN.claimValue())) {
            requirements.add(new SecurityRequirement().addList(SCHEME));
        } else {
            requirements.add(new SecurityRequirement().addList(ADMIN_SCHEME));
            roles.stream()
                    .filter(role -> !role.equals(Role.ADMIN.claimValue()))
                    .forEach(role -> requirements.add(new SecurityRequirement().addList(roleScheme(api, role))));
        }
        operation.setSecurity(requirements);
        // The roles go in an extension: OpenAPI 3.1 would let a bearer requirement list them, but linters (Spectral's
        // oas3-operation-security-defined) still take a requirement's list for OAuth scopes.
        operation.addExtension(ROLES_EXTENSION, roles);
        Problems.add(
                        operation,
                        401,
                        "No bearer token, or one that does not check: expired, not yet valid, another issuer or"
                                + " audience, a signature the issuer's keys do not verify (unauthorized)")
                .addHeaderObject(
                        "WWW-Authenticate",
                        Problems.header(
                                "Bearer, with error=\"invalid_token\" and why when a token was sent (RFC 6750)",
                                Problems.string(1000),
                                true));
        Problems.add(
                operation,
                403,
                "The caller may not do this (forbidden); the problem's rule member names the rule: "
                        + String.join(", ", refusing) + ". " + rule.description());
    }

    /** The same bearer token, named for one role where administrators and that role may use an operation. */
    private static String roleScheme(OpenAPI api, String role) {
        String name = role + "BearerAuth";
        api.getComponents()
                .addSecuritySchemes(
                        name,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("The same OAuth 2.0 access token as bearerAuth (checked as RFC8725 asks),"
                                        + " whose roles claim includes " + role + ": named apart where an operation"
                                        + " is for administrators and " + role + "s only."));
        return name;
    }

    /** The roles of which any one meets the rule, as the roles claim names them. */
    private static List<String> rolesAllowedBy(AccessRule rule) {
        return Arrays.stream(Role.values())
                .filter(role -> rule.allows().test(new Caller("(role " + role + ")", "XX/ANY", Set.of(role))))
                .map(Role::claimValue)
                .toList();
    }
}
