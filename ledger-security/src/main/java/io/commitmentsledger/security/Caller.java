package io.commitmentsledger.security;

import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who sent a request, as its token says: the token's subject (for logs), the agency it acts as (such as {@code
 * JP/METI}; absent for an auditor or admin), and its roles. Controllers take it as a {@code @AuthenticationPrincipal}.
 */
public record Caller(String subject, @Nullable String agency, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public Optional<String> agencyCode() {
        return Optional.ofNullable(agency);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** How logs name the caller: subject and agency, never anything of the token itself. */
    @Override
    public String toString() {
        return subject + (agency == null ? "" : " (" + agency + ")") + " " + roles;
    }
}
