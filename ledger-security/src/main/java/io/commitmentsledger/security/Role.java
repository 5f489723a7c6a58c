package io.commitmentsledger.security;

import java.util.Locale;
import java.util.Optional;

/** What a caller may be, as the roles claim names it. */
public enum Role {
    /** An agency system: records facts for its own agency's party, and reads. */
    AGENCY,
    /** Reads everything, writes nothing. */
    AUDITOR,
    /** Operates the services (rebuilds projections, republishes events), and nothing else. */
    ADMIN;

    /** The value in the roles claim: {@code agency}, {@code auditor}, {@code admin}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Role> fromClaimValue(Object value) {
        for (Role role : values()) {
            if (role.claimValue().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
