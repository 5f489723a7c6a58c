package io.commitmentsledger.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A service that declares its {@link EndpointRules} becomes a resource server: every request with a bearer token has
 * it checked ({@link TokenChecks}), each endpoint's rule decides, and refusals are problems ({@link Refusals}). No
 * session, no cookie, no CSRF token: a caller proves itself on every request, so there is nothing to forge across
 * sites.
 */
@AutoConfiguration(
        beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet"
                + ".OAuth2ResourceServerAutoConfiguration")
@ConditionalOnBean(EndpointRules.class)
@EnableConfigurationProperties({LedgerSecurityProperties.class, OAuth2ResourceServerProperties.class})
@EnableWebSecurity
public class LedgerSecurityAutoConfiguration {

    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, LedgerSecurityProperties properties) {
        return TokenChecks.decoder(resourceServer.getJwt(), properties);
    }

    @Bean
    SecurityFilterChain ledgerSecurity(
            HttpSecurity http, EndpointRules rules, JwtDecoder decoder, LedgerSecurityProperties properties) {
        AuthenticationEntryPoint unauthenticated = Refusals.unauthenticated();
        AccessDeniedHandler denied = Refusals.denied();
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> {
                    // The error page and an async request's second dispatch answer what the first was allowed.
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                            .permitAll();
                    rules.applyTo(requests);
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder)
                                .jwtAuthenticationConverter(new CallerAuthentication.FromToken(properties)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }

    /** 403 for a refusal found past the endpoint's rule, by the service's own checks. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class AccessRefusedAnswer {

        @ExceptionHandler
        ProblemDetail refused(AccessRefused e, HttpServletRequest request) {
            return SecurityProblems.refused(request, e.rule(), e.getMessage());
        }
    }
}
