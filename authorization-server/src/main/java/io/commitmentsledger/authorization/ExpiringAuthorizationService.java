package io.commitmentsledger.authorization;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Remembers issued tokens only while they are valid, and at most {@code capacity} of them, oldest forgotten first.
 *
 * <p>Spring Authorization Server's {@code InMemoryOAuth2AuthorizationService} keeps every authorization it is given,
 * for ever: with client credentials that is one per token, so a ledger under load would grow it without end. The
 * services check the self-contained JWTs on their own and never ask this store; it serves only introspection and
 * revocation, which have nothing to say about an expired token. A token forgotten early (more than {@code capacity}
 * valid at once) is still valid at the services; introspection then calls it inactive.
 */
final class ExpiringAuthorizationService implements OAuth2AuthorizationService {

    private final int capacity;
    private final Clock clock;
    /** In the order saved, which is the order of expiry: every client's tokens live equally long. */
    private final LinkedHashMap<String, OAuth2Authorization> byId = new LinkedHashMap<>();

    private final Map<String, String> idByTokenValue = new HashMap<>();

    ExpiringAuthorizationService(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        forget(authorization.getId());
        forgetExpired();
        byId.put(authorization.getId(), authorization);
        tokenValues(authorization).forEach(value -> idByTokenValue.put(value, authorization.getId()));
        while (byId.size() > capacity) {
            forget(byId.keySet().iterator().next());
        }
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        forget(authorization.getId());
    }

    @Override
    public synchronized @Nullable OAuth2Authorization findById(String id) {
        forgetExpired();
        return byId.get(id);
    }

    @Override
    public synchronized @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        forgetExpired();
        String id = idByTokenValue.get(token);
        OAuth2Authorization authorization = id == null ? null : byId.get(id);
        if (authorization == null) {
            return null;
        }
        if (tokenType == null) {
            return authorization;
        }
        OAuth2Authorization.Token<? extends OAuth2Token> found = OAuth2TokenType.ACCESS_TOKEN.equals(tokenType)
                ? authorization.getAccessToken()
                : OAuth2TokenType.REFRESH_TOKEN.equals(tokenType) ? authorization.getRefreshToken() : null;
        return found != null && found.getToken().getTokenValue().equals(token) ? authorization : null;
    }

    /** For tests and metrics: how many authorizations are remembered now. */
    synchronized int size() {
        return byId.size();
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        Iterator<OAuth2Authorization> oldestFirst = byId.values().iterator();
        while (oldestFirst.hasNext()) {
            OAuth2Authorization authorization = oldestFirst.next();
            if (!expired(authorization, now)) {
                return;
            }
            oldestFirst.remove();
            tokenValues(authorization).forEach(idByTokenValue::remove);
        }
    }

    private void forget(String id) {
        OAuth2Authorization authorization = byId.remove(id);
        if (authorization != null) {
            tokenValues(authorization).forEach(idByTokenValue::remove);
        }
    }

    /** Expired once every token it holds has expired; one without an expiring token waits for the capacity bound. */
    private static boolean expired(OAuth2Authorization authorization, Instant now) {
        List<OAuth2Authorization.Token<? extends OAuth2Token>> tokens = tokens(authorization);
        return !tokens.isEmpty()
                && tokens.stream().allMatch(token -> {
                    Instant expiresAt = token.getToken().getExpiresAt();
                    return expiresAt != null && !expiresAt.isAfter(now);
                });
    }

    private static Stream<String> tokenValues(OAuth2Authorization authorization) {
        return tokens(authorization).stream().map(token -> token.getToken().getTokenValue());
    }

    private static List<OAuth2Authorization.Token<? extends OAuth2Token>> tokens(OAuth2Authorization authorization) {
        return Stream.<OAuth2Authorization.@Nullable Token<? extends OAuth2Token>>of(
                        authorization.getAccessToken(), authorization.getRefreshToken())
                .filter(Objects::nonNull)
                .<OAuth2Authorization.Token<? extends OAuth2Token>>map(token -> token)
                .toList();
    }
}
