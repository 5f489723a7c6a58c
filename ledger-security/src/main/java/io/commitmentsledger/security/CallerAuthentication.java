package io.commitmentsledger.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A request authenticated by a checked token: its principal is the {@link Caller} the token's claims name. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    CallerAuthentication(Caller caller, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** Never the token: nothing of it is kept past authentication. */
    @Override
    public @Nullable Object getCredentials() {
        return null;
    }

    /** Reads the caller from a checked token's claims, by the configured claim names. */
    static final class FromToken implements Converter<Jwt, CallerAuthentication> {

        private final LedgerSecurityProperties properties;

        FromToken(LedgerSecurityProperties properties) {
            this.properties = properties;
        }

        @Override
        public CallerAuthentication convert(Jwt token) {
            Object agency = claim(token.getClaims(), properties.agencyClaim());
            List<Role> roles = roles(claim(token.getClaims(), properties.rolesClaim()));
            Caller caller = new Caller(
                    token.getSubject() == null ? "(no subject)" : token.getSubject(),
                    agency instanceof String text && !text.isBlank() ? text : null,
                    java.util.Set.copyOf(roles));
            return new CallerAuthentication(
                    caller,
                    roles.stream()
                            .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                            .toList());
        }

        /** The claim at a dotted path: {@code realm_access.roles} is {@code roles} inside {@code realm_access}. */
        private static @Nullable Object claim(Map<String, Object> claims, String path) {
            if (claims.containsKey(path)) {
                return claims.get(path);
            }
            Object value = claims;
            for (String name : path.split("\\.")) {
                if (!(value instanceof Map<?, ?> map)) {
                    return null;
                }
                value = map.get(name);
            }
            return value;
        }

        /** Roles the ledger knows; any other value an issuer puts in the claim grants nothing here. */
        private static List<Role> roles(@Nullable Object claim) {
            Collection<?> values = claim instanceof Collection<?> list
                    ? list
                    : claim instanceof String text ? List.of(text.trim().split("\\s+")) : List.of();
            return values.stream()
                    .map(Role::fromClaimValue)
                    .flatMap(java.util.Optional::stream)
                    .distinct()
                    .toList();
        }
    }
}
