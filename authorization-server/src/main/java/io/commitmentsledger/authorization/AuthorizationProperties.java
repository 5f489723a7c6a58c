package io.commitmentsledger.authorization;

import io.commitmentsledger.contracts.ActingAgency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the authorization server issues, and to whom.
 *
 * @param issuer the tokens' {@code iss} and the base of the metadata's URLs, such as {@code http://localhost:9000};
 *     blank takes each request's own scheme, host and port (what tests on a random port use)
 * @param audience every token's {@code aud}: the one audience both services accept
 * @param tokenLifetime how long a token is valid after it is issued
 * @param signingKeyFile the RSA key tokens are signed with (PKCS#8 PEM, or a JWK in JSON): created, readable by its
 *     owner only, if absent; refused if its group or others may read or write it
 * @param maxRememberedTokens how many issued tokens are kept for introspection and revocation until they expire; the
 *     oldest is forgotten first beyond that
 * @param clients the clients, by client id
 */
@ConfigurationProperties("ledger.authorization")
public record AuthorizationProperties(
        @Nullable String issuer,
        @DefaultValue("commitments-ledger") String audience,
        @DefaultValue("5m") Duration tokenLifetime,
        Path signingKeyFile,
        @DefaultValue("10000") int maxRememberedTokens,
        Map<String, Client> clients) {

    /** The roles the ledger's services know. */
    static final Set<String> ROLES = Set.of("agency", "auditor", "admin");

    public AuthorizationProperties {
        if (signingKeyFile == null) {
            throw new IllegalArgumentException(
                    "ledger.authorization.signing-key-file must name the signing key's file");
        }
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("ledger.authorization.token-lifetime must be positive");
        }
        if (maxRememberedTokens < 1) {
            throw new IllegalArgumentException("ledger.authorization.max-remembered-tokens must be at least 1");
        }
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("ledger.authorization.clients names no client");
        }
        clients.forEach((id, client) -> client.check(id));
    }

    /**
     * One client and the claims of its tokens.
     *
     * @param secret the client secret: plain text (from outside the repository), or already encoded, such as {@code
     *     {bcrypt}$2a$10$...}
     * @param agency the {@code agency} claim, {@code COUNTRY/AGENCY} such as {@code JP/METI}; absent for a client that
     *     acts for no agency (an auditor, an admin)
     * @param roles the {@code roles} claim: some of {@code agency}, {@code auditor}, {@code admin}
     */
    public record Client(@Nullable String secret, @Nullable String agency, List<String> roles) {

        public Client {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        void check(String clientId) {
            String where = "ledger.authorization.clients." + clientId;
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException(where + ".secret is not set: give each client a secret from outside"
                        + " the repository (./run-ledger generates them)");
            }
            if (roles.isEmpty() || !ROLES.containsAll(roles)) {
                throw new IllegalArgumentException(where + ".roles must be some of " + ROLES + ", not " + roles);
            }
            if (agency != null) {
                try {
                    ActingAgency.parse(agency);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ".agency: " + e.getMessage(), e);
                }
            }
            // The services let only an agency send commands; a token with the role must say for which one.
            if (roles.contains("agency") != (agency != null)) {
                throw new IllegalArgumentException(
                        where + ": a client with the role 'agency' names its agency, and only such a client does");
            }
        }
    }
}
