package io.commitmentsledger.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the services read a token: which claims name the caller's agency and roles, so that an organisation's own issuer
 * is mapped by configuration alone, and how much clock skew its expiry and not-before may have. The issuer, its JWK set
 * and the accepted audiences are Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param agencyClaim the claim naming the agency a caller acts as, such as {@code JP/METI}; a dotted path ({@code
 *     ext.agency}) reaches into a nested claim
 * @param rolesClaim the claim listing the caller's roles ({@code agency}, {@code auditor}, {@code admin}), as a JSON
 *     array or a space-separated string; a dotted path ({@code realm_access.roles}) reaches into a nested claim
 * @param clockSkew how far the issuer's clock may be from this service's when checking {@code exp} and {@code nbf}
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(String agencyClaim, String rolesClaim, Duration clockSkew) {

    public LedgerSecurityProperties {
        agencyClaim = agencyClaim == null || agencyClaim.isBlank() ? "agency" : agencyClaim;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(
                    "ledger.security.clock-skew must be between 0 and 5 minutes, not " + clockSkew);
        }
    }
}
