/**
 * Both services as OAuth 2.0 resource servers. A request's bearer JWT is checked against the issuer's JWK set
 * ({@link TokenChecks}: signature, issuer, audience, expiry and not-before with a small clock skew) and read into a
 * {@link Caller} (its agency and {@link Role roles}, from configurable claims). Each service declares, per endpoint,
 * the {@link AccessRule} a caller must meet ({@link EndpointRules}); a refusal is an RFC 9457 problem: 401 with {@code
 * WWW-Authenticate} for a missing or bad token, 403 naming the rule for a caller who may not do this. Every refusal is
 * logged with the caller and the rule, never the token.
 */
@NullMarked
package io.commitmentsledger.security;

import org.jspecify.annotations.NullMarked;
