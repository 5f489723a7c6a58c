package io.commitmentsledger.security;

import io.commitmentsledger.web.openapi.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;

/** How both services' OpenAPI documents describe the bearer token, and what a secured operation may answer. */
public final class SecurityDocumentation {

    /** The name of the security scheme every secured operation requires. */
    public static final String SCHEME = "bearerAuth";

    /**
     * The scheme of operations only an administrator may use: the same bearer token, named apart so that the document
     * says which operations need the admin role (OWASP API5, broken function-level authorization).
     */
    public static final String ADMIN_SCHEME = "adminBearerAuth";

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
                                .description("An OAuth 2.0 access token (a JWT) from the ledger's issuer, sent as"
                                        + " Authorization: Bearer <token>. Agency systems get one with the"
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

    /** A {@link #secured} operation only an administrator may use: it requires {@link #ADMIN_SCHEME} instead. */
    public static void adminsOnly(Operation operation) {
        operation.setSecurity(List.of(new SecurityRequirement().addList(ADMIN_SCHEME)));
    }

    /**
     * An operation that needs a token: its security requirement, 401 for a missing or bad token (with {@code
     * WWW-Authenticate}), and 403 naming the rules that may refuse the caller.
     */
    public static void secured(Operation operation, List<String> rules) {
        operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
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
                        + String.join(", ", rules));
    }
}
