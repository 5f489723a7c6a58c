package io.commitmentsledger.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token endpoint over a real socket, as an agency's system and the services use it: a client-credentials POST
 * with HTTP Basic, the token checked against the served JWK set the way the services' resource server checks it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // From each request: the port is known only once the server listens.
            "ledger.authorization.issuer=",
            "spring.config.import=classpath:clients-test.properties"
        })
class TokenEndpointIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path keys;

    @DynamicPropertySource
    static void signingKey(DynamicPropertyRegistry registry) {
        registry.add("ledger.authorization.signing-key-file", () -> keys.resolve("signing-key.pem"));
    }

    @LocalServerPort
    int port;

    static Stream<Arguments> clients() {
        return Stream.of(
                Arguments.of("jp-meti", "jp-meti-test-secret", "JP/METI", List.of("agency")),
                Arguments.of("jp-mic", "jp-mic-test-secret", "JP/MIC", List.of("agency")),
                Arguments.of("jp-digital", "jp-digital-test-secret", "JP/DIGITAL", List.of("agency")),
                Arguments.of("gb-dsit", "gb-dsit-test-secret", "GB/DSIT", List.of("agency")),
                Arguments.of("auditor", "auditor-test-secret", null, List.of("auditor")),
                Arguments.of("admin", "admin-test-secret", null, List.of("admin")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void issuesEachClientASignedTokenWithItsAgencyAndRoles(
            String clientId, String secret, @Nullable String agency, List<String> roles) throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> response = tokenRequest(clientId, secret, "grant_type=client_credentials");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(299L, 300L);
        String token = body.get("access_token").asString();

        SignedJWT signed = SignedJWT.parse(token);
        assertThat(signed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWKSet served = JWKSet.parse(get("/oauth2/jwks").body());
        assertThat(served.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.getKeyID()).isEqualTo(signed.getHeader().getKeyID());
            assertThat(key.isPrivate()).isFalse();
        });

        // What the services do: signature from the JWK set, issuer, expiry and not-before, audience.
        String issuer = "http://localhost:" + port;
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud.equals(List.of("commitments-ledger")))));
        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getSubject()).isEqualTo(clientId);
        assertThat(jwt.getAudience()).containsExactly("commitments-ledger");
        assertThat(jwt.getClaimAsStringList("roles")).isEqualTo(roles);
        if (agency == null) {
            assertThat(jwt.hasClaim("agency")).isFalse();
        } else {
            assertThat(jwt.getClaimAsString("agency")).isEqualTo(agency);
        }
        assertThat(jwt.getIssuedAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(jwt.getNotBefore()).isEqualTo(jwt.getIssuedAt());
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(jwt.getId()).isNotBlank();
    }

    @Test
    void refusesAWrongSecretAnUnknownClientAndNoCredentials() throws Exception {
        HttpResponse<String> wrongSecret =
                tokenRequest("gb-dsit", "jp-meti-test-secret", "grant_type=client_credentials");
        HttpResponse<String> unknown = tokenRequest("fr-dinum", "gb-dsit-test-secret", "grant_type=client_credentials");
        HttpResponse<String> none = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(wrongSecret, unknown, none)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("access_token");
        }
        assertThat(JSON.readTree(wrongSecret.body()).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void remembersAnIssuedTokenForIntrospectionWhileItIsValid() throws Exception {
        String token = JSON.readTree(tokenRequest("jp-mic", "jp-mic-test-secret", "grant_type=client_credentials")
                        .body())
                .get("access_token")
                .asString();

        JsonNode known =
                JSON.readTree(tokenRequest("jp-mic", "jp-mic-test-secret", "token=" + token, "/oauth2/introspect")
                        .body());
        JsonNode unknown =
                JSON.readTree(tokenRequest("jp-mic", "jp-mic-test-secret", "token=" + token + "x", "/oauth2/introspect")
                        .body());

        assertThat(known.get("active").asBoolean()).isTrue();
        assertThat(known.get("sub").asString()).isEqualTo("jp-mic");
        assertThat(unknown.get("active").asBoolean()).isFalse();
    }

    @Test
    void issuesOnlyClientCredentialsTokens() throws Exception {
        HttpResponse<String> password =
                tokenRequest("jp-meti", "jp-meti-test-secret", "grant_type=password&username=a&password=b");

        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(password.body()).get("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void publishesItsMetadataForResourceServersThatStartFromTheIssuer() throws Exception {
        HttpResponse<String> response = get("/.well-known/oauth-authorization-server");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = JSON.readTree(response.body());
        String issuer = "http://localhost:" + port;
        assertThat(metadata.get("issuer").asString()).isEqualTo(issuer);
        assertThat(metadata.get("jwks_uri").asString()).isEqualTo(issuer + "/oauth2/jwks");
        assertThat(metadata.get("token_endpoint").asString()).isEqualTo(issuer + "/oauth2/token");
    }

    @Test
    void opensItsHealthAndNothingElse() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isEqualTo(403);
        // No client may use the authorization endpoint (no users here): it is refused before Spring's filter runs.
        assertThat(get("/oauth2/authorize?response_type=code&client_id=jp-meti").statusCode())
                .isEqualTo(403);
        assertThat(get("/").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> tokenRequest(String clientId, String secret, String form) throws Exception {
        return tokenRequest(clientId, secret, form, "/oauth2/token");
    }

    private HttpResponse<String> tokenRequest(String clientId, String secret, String form, String path)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
