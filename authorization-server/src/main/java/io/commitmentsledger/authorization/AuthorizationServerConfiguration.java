package io.commitmentsledger.authorization;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Authorization Server with only what the ledger uses: the client-credentials grant, client secrets in HTTP
 * Basic, self-contained RS256 JWTs, the JWK set and the server's metadata. No users, no sessions, no OpenID Connect.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

    /**
     * The token endpoint, the JWK set, the metadata, introspection and revocation. The rest of Spring's endpoints (the
     * authorization endpoint for users, device authorization, pushed requests) serve grants no client here has, and
     * are left to the chain that refuses everything: Spring's authorization endpoint answers 500 to a client without
     * redirect URIs.
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, AuthorizationServerSettings settings)
            throws Exception {
        RequestMatcher used = new OrRequestMatcher(Stream.of(
                        settings.getTokenEndpoint(),
                        settings.getJwkSetEndpoint(),
                        settings.getTokenIntrospectionEndpoint(),
                        settings.getTokenRevocationEndpoint(),
                        "/.well-known/oauth-authorization-server")
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(path))
                .toList());
        http.oauth2AuthorizationServer(
                        server -> http.securityMatcher(new AndRequestMatcher(server.getEndpointsMatcher(), used)))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** Everything else: only the health probes, for the launcher and orchestrators, and error pages. */
    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(
                        requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                                .permitAll()
                                .anyRequest()
                                .denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    PasswordEncoder clientSecretEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClients(AuthorizationProperties properties, PasswordEncoder encoder) {
        List<RegisteredClient> clients = properties.clients().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(entry -> {
                    String clientId = entry.getKey();
                    AuthorizationProperties.Client client = entry.getValue();
                    return RegisteredClient.withId(clientId)
                            .clientId(clientId)
                            .clientSecret(encoded(client.secret(), encoder))
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                            .tokenSettings(TokenSettings.builder()
                                    .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                                    .accessTokenTimeToLive(properties.tokenLifetime())
                                    .build())
                            .clientSettings(LedgerClaims.settings(client))
                            .build();
                })
                .toList();
        log.info(
                "Issuing tokens to {} clients: {}",
                clients.size(),
                clients.stream().map(RegisteredClient::getClientId).toList());
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** A secret given as {@code {id}encoded} is kept as it is; a plain one is hashed, so memory holds no secret. */
    private static String encoded(String secret, PasswordEncoder encoder) {
        return secret.matches("\\{[a-z0-9_-]+}.+") ? secret : encoder.encode(secret);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthorizationProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(AuthorizationProperties properties) {
        RSAKey key = SigningKey.loadOrCreate(properties.signingKeyFile());
        log.info(
                "Signing tokens with the key {} from {}",
                key.getKeyID(),
                properties.signingKeyFile().toAbsolutePath());
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> ledgerClaims(AuthorizationProperties properties) {
        return new LedgerClaims(properties.audience());
    }

    /** Bounded and expiring instead of Spring's in-memory store, which keeps every token ever issued. */
    @Bean
    OAuth2AuthorizationService issuedTokens(AuthorizationProperties properties) {
        return new ExpiringAuthorizationService(properties.maxRememberedTokens(), Clock.systemUTC());
    }
}
