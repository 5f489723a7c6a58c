package io.commitmentsledger.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * How a bearer token is checked: its signature against the issuer's JWK set (by the algorithms configured, RS256 by
 * default; {@code alg: none} and HMAC never), then its issuer, its audience, and its expiry and not-before within the
 * configured clock skew. A token without {@code exp} is refused: a ledger does not accept credentials that never end.
 */
final class TokenChecks {

    private TokenChecks() {}

    static JwtDecoder decoder(OAuth2ResourceServerProperties.Jwt jwt, LedgerSecurityProperties properties) {
        String issuer = jwt.getIssuerUri();
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("No token issuer is configured: set"
                    + " spring.security.oauth2.resourceserver.jwt.issuer-uri"
                    + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI) to the OAuth 2.0 issuer whose tokens"
                    + " this service accepts (docs/security.md); ./run-ledger starts one on http://localhost:9000");
        }
        List<String> audiences = jwt.getAudiences();
        if (audiences.isEmpty()) {
            throw new IllegalStateException("No token audience is configured: set"
                    + " spring.security.oauth2.resourceserver.jwt.audiences (the ledger's is commitments-ledger)");
        }
        OAuth2TokenValidator<Jwt> checks = new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Instant>("exp", Objects::nonNull),
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Collection<String>>(
                        "aud", aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
        List<SignatureAlgorithm> algorithms =
                jwt.getJwsAlgorithms().stream().map(TokenChecks::algorithm).toList();
        // Resolved on first use, and again after a failure: a service must start while its issuer is away.
        return new SupplierJwtDecoder(() -> {
            String jwkSetUri = jwt.getJwkSetUri();
            NimbusJwtDecoder decoder = jwkSetUri != null && !jwkSetUri.isBlank()
                    ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                            .jwsAlgorithms(set -> set.addAll(algorithms))
                            .build()
                    : NimbusJwtDecoder.withIssuerLocation(issuer)
                            .jwsAlgorithms(set -> set.addAll(algorithms))
                            .build();
            decoder.setJwtValidator(checks);
            return decoder;
        });
    }

    private static SignatureAlgorithm algorithm(String name) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
        if (algorithm == null) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jws-algorithms names " + name
                    + ", which is not an asymmetric JWS algorithm (RS256, ES256, PS256, ...)");
        }
        return algorithm;
    }
}
