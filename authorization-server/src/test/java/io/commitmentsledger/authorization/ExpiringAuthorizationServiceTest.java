package io.commitmentsledger.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ExpiringAuthorizationServiceTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final RegisteredClient CLIENT = RegisteredClient.withId("jp-meti")
            .clientId("jp-meti")
            .clientSecret("{noop}x")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .build();

    private Instant now = START;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private static OAuth2Authorization issued(String id, Instant at) {
        return OAuth2Authorization.withRegisteredClient(CLIENT)
                .id(id)
                .principalName("jp-meti")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .accessToken(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER, "token-" + id, at, at.plus(Duration.ofMinutes(5))))
                .build();
    }

    @Test
    void findsATokenWhileItIsValidAndForgetsItOnceExpired() {
        ExpiringAuthorizationService service = new ExpiringAuthorizationService(100, clock);
        service.save(issued("a", START));

        assertThat(service.findByToken("token-a", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
        assertThat(service.findByToken("token-a", null)).isNotNull();
        assertThat(service.findByToken("token-a", OAuth2TokenType.REFRESH_TOKEN))
                .isNull();
        assertThat(service.findById("a")).isNotNull();

        now = START.plus(Duration.ofMinutes(5));

        assertThat(service.findByToken("token-a", OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(service.findById("a")).isNull();
        assertThat(service.size()).isZero();
    }

    @Test
    void keepsAtMostItsCapacityForgettingTheOldestFirst() {
        ExpiringAuthorizationService service = new ExpiringAuthorizationService(3, clock);
        for (int i = 0; i < 10_000; i++) {
            service.save(issued(String.valueOf(i), START));
        }

        assertThat(service.size()).isEqualTo(3);
        assertThat(service.findByToken("token-9999", OAuth2TokenType.ACCESS_TOKEN))
                .isNotNull();
        assertThat(service.findByToken("token-9997", OAuth2TokenType.ACCESS_TOKEN))
                .isNotNull();
        assertThat(service.findByToken("token-9996", OAuth2TokenType.ACCESS_TOKEN))
                .isNull();
    }

    @Test
    void forgetsARemovedToken() {
        ExpiringAuthorizationService service = new ExpiringAuthorizationService(3, clock);
        OAuth2Authorization authorization = issued("a", START);
        service.save(authorization);

        service.remove(authorization);

        assertThat(service.findByToken("token-a", null)).isNull();
        assertThat(service.size()).isZero();
    }
}
