package io.commitmentsledger.security.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The token issuer of tests that run a service in their own JVM: an RSA key generated once per test JVM (no key is
 * committed to the repository), its JWK set served on an ephemeral localhost port exactly as an authorization server
 * serves one, and tokens minted with it, valid or forged. As an {@link EnvironmentPostProcessor} (registered in this
 * test-jar's {@code META-INF/spring.factories}) it points every application a test starts at itself, unless the test
 * sets {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} of its own. Tests that cross processes use the
 * real authorization server instead.
 */
public final class TestIssuer implements EnvironmentPostProcessor, Ordered {

    public static final String AUDIENCE = "commitments-ledger";

    private static final RSAKey KEY = generate("test-issuer-key");
    /** Another key under the same key id: what a forger who read the JWK set would sign with. */
    private static final RSAKey FORGERS_KEY = generate("test-issuer-key");

    private static final HttpServer JWK_SET = serveJwkSet();

    /** {@code http://localhost:<port>}: the {@code iss} of every token and the services' issuer-uri. */
    public static String issuer() {
        return "http://localhost:" + JWK_SET.getAddress().getPort();
    }

    public static String jwkSetUri() {
        return issuer() + "/jwks";
    }

    /**
     * {@code Bearer <token>} of an agency system acting as {@code agency}, such as {@code JP/METI}. The honest tokens
     * are reused while they have more than a minute to live, as a client caches its access token.
     */
    public static String agency(String agency) {
        return cached(
                "agency " + agency,
                () -> token().subject(agency.toLowerCase(java.util.Locale.ROOT).replace('/', '-'))
                        .agency(agency)
                        .roles("agency")
                        .signed());
    }

    public static String auditor() {
        return cached(
                "auditor", () -> token().subject("auditor").roles("auditor").signed());
    }

    public static String admin() {
        return cached("admin", () -> token().subject("admin").roles("admin").signed());
    }

    private record Cached(String token, Instant renewAfter) {}

    private static final Map<String, Cached> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static String cached(String caller, java.util.function.Supplier<String> mint) {
        return CACHE.compute(
                        caller,
                        (name, cached) -> cached != null && Instant.now().isBefore(cached.renewAfter())
                                ? cached
                                : new Cached(mint.get(), Instant.now().plus(Duration.ofMinutes(4))))
                .token();
    }

    /** A token with valid defaults (this issuer, the ledger's audience, five minutes' life) to change and sign. */
    public static Token token() {
        return new Token();
    }

    /** The claims of a token being made, and the ways to sign it, honestly or not. */
    public static final class Token {

        private final Map<String, Object> claims = new LinkedHashMap<>();

        private Token() {
            Instant now = Instant.now();
            claims.put("iss", TestIssuer.issuer());
            claims.put("aud", List.of(AUDIENCE));
            claims.put("sub", "test-client");
            claims.put("iat", now);
            claims.put("nbf", now);
            claims.put("exp", now.plus(Duration.ofMinutes(5)));
        }

        public Token subject(String subject) {
            return claim("sub", subject);
        }

        public Token agency(String agency) {
            return claim("agency", agency);
        }

        public Token roles(String... roles) {
            return claim("roles", List.of(roles));
        }

        public Token issuer(String issuer) {
            return claim("iss", issuer);
        }

        public Token audience(String audience) {
            return claim("aud", List.of(audience));
        }

        public Token expiresAt(Instant expiry) {
            return claim("exp", expiry);
        }

        public Token notBefore(Instant notBefore) {
            return claim("nbf", notBefore);
        }

        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Token without(String claim) {
            claims.remove(claim);
            return this;
        }

        /** {@code Bearer <token>} signed with the issuer's key. */
        public String signed() {
            return "Bearer " + sign(KEY);
        }

        /** Signed with a key the issuer's JWK set does not hold, under the same key id. */
        public String signedByAnotherKey() {
            return "Bearer " + sign(FORGERS_KEY);
        }

        /** {@code alg: none}, no signature: the oldest JWT forgery. */
        public String unsigned() {
            String header =
                    Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
            return "Bearer " + header + "." + claimsSet().toPayload().toBase64URL() + ".";
        }

        /** HS256 with the issuer's public key as the secret: the algorithm-confusion forgery. */
        public String signedWithPublicKeyAsHmacSecret() {
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .keyID(KEY.getKeyID())
                                .build(),
                        claimsSet());
                jwt.sign(new MACSigner(KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
                return "Bearer " + jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Signed honestly, then its payload swapped for this token's with {@code claim} changed to {@code value},
         * keeping the original signature.
         */
        public String tampered(String claim, Object value) {
            String[] parts = sign(KEY).split("\\.");
            claims.put(claim, value);
            return "Bearer " + parts[0] + "." + claimsSet().toPayload().toBase64URL() + "." + parts[2];
        }

        private String sign(RSAKey key) {
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .build(),
                        claimsSet());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private JWTClaimsSet claimsSet() {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
            claims.forEach((name, value) ->
                    builder.claim(name, value instanceof Instant instant ? Date.from(instant) : value));
            return builder.build();
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")) {
            Map<String, Object> issuer = new LinkedHashMap<>();
            issuer.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer());
            issuer.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri());
            environment.getPropertySources().addLast(new MapPropertySource("testIssuer", issuer));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The arguments that point a service started as a separate process at this issuer. */
    public static List<String> serviceArguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer());
        arguments.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri());
        return arguments;
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serveJwkSet() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "test-issuer-jwks");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
