package io.commitmentsledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commitmentsledger.security.testing.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** Tokens against the issuer's JWK set, served over HTTP by {@link TestIssuer}: the valid one reads, no forgery does. */
class TokenChecksTest {

    private static final LedgerSecurityProperties DEFAULTS = new LedgerSecurityProperties(null, null, null);

    private static JwtDecoder decoder(LedgerSecurityProperties properties) {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        jwt.setIssuerUri(TestIssuer.issuer());
        jwt.setJwkSetUri(TestIssuer.jwkSetUri());
        jwt.setAudiences(List.of(TestIssuer.AUDIENCE));
        return TokenChecks.decoder(jwt, properties);
    }

    private static String raw(String bearer) {
        return bearer.substring("Bearer ".length());
    }

    @Test
    void aValidTokenNamesTheCaller() {
        var caller = new CallerAuthentication.FromToken(DEFAULTS)
                .convert(decoder(DEFAULTS).decode(raw(TestIssuer.agency("JP/METI"))))
                .getPrincipal();

        assertThat(caller.agency()).isEqualTo("JP/METI");
        assertThat(caller.roles()).containsExactly(Role.AGENCY);
        assertThat(caller.subject()).isEqualTo("jp-meti");
    }

    static List<Arguments> forgeries() {
        Instant now = Instant.now();
        return List.of(
                Arguments.of("expired", (Supplier<String>) () -> TestIssuer.token()
                        .expiresAt(now.minus(Duration.ofMinutes(2)))
                        .signed()),
                Arguments.of("not yet valid", (Supplier<String>) () -> TestIssuer.token()
                        .notBefore(now.plus(Duration.ofMinutes(2)))
                        .signed()),
                Arguments.of("no expiry", (Supplier<String>)
                        () -> TestIssuer.token().without("exp").signed()),
                Arguments.of("wrong issuer", (Supplier<String>) () ->
                        TestIssuer.token().issuer("https://issuer.example").signed()),
                Arguments.of("wrong audience", (Supplier<String>)
                        () -> TestIssuer.token().audience("another-service").signed()),
                Arguments.of(
                        "alg none", (Supplier<String>) () -> TestIssuer.token().unsigned()),
                Arguments.of("another key", (Supplier<String>)
                        () -> TestIssuer.token().signedByAnotherKey()),
                Arguments.of("public key as HMAC secret", (Supplier<String>)
                        () -> TestIssuer.token().signedWithPublicKeyAsHmacSecret()),
                Arguments.of("tampered payload", (Supplier<String>) () ->
                        TestIssuer.token().agency("JP/METI").roles("agency").tampered("agency", "GB/DSIT")),
                Arguments.of("not a JWT", (Supplier<String>) () -> "Bearer not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aForgedOrStaleTokenIsRefused(String what, Supplier<String> token) {
        JwtDecoder decoder = decoder(DEFAULTS);

        assertThatThrownBy(() -> decoder.decode(raw(token.get()))).isInstanceOf(JwtException.class);
    }

    @Test
    void expiryWithinTheClockSkewIsAccepted() {
        Instant now = Instant.now();
        String token = TestIssuer.token()
                .claim("iat", now.minus(Duration.ofMinutes(5)))
                .notBefore(now.minus(Duration.ofMinutes(5)))
                .expiresAt(now.minus(Duration.ofSeconds(10)))
                .signed();

        assertThat(decoder(DEFAULTS).decode(raw(token))).isNotNull();
        assertThatThrownBy(() -> decoder(new LedgerSecurityProperties(null, null, Duration.ZERO))
                        .decode(raw(token)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void claimNamesAreConfigurableAndReachIntoNestedClaims() {
        var properties = new LedgerSecurityProperties("ext.agency", "realm_access.roles", null);
        String token = TestIssuer.token()
                .claim("ext", Map.of("agency", "GB/DSIT"))
                .claim("realm_access", Map.of("roles", List.of("agency", "offline_access")))
                .signed();

        var caller = new CallerAuthentication.FromToken(properties)
                .convert(decoder(properties).decode(raw(token)))
                .getPrincipal();

        assertThat(caller.agency()).isEqualTo("GB/DSIT");
        assertThat(caller.roles()).containsExactly(Role.AGENCY);
    }

    @Test
    void aServiceWithoutAnIssuerOrAudienceRefusesToStart() {
        var jwt = new OAuth2ResourceServerProperties().getJwt();
        assertThatThrownBy(() -> TokenChecks.decoder(jwt, DEFAULTS)).hasMessageContaining("issuer-uri");
        jwt.setIssuerUri(TestIssuer.issuer());
        assertThatThrownBy(() -> TokenChecks.decoder(jwt, DEFAULTS)).hasMessageContaining("audiences");
    }
}
