package io.commitmentsledger.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A service's table of who may use which endpoint: for each method and path pattern, the {@link AccessRule} a caller
 * must meet. The first row that matches a request decides; a request no row matches needs an authenticated caller, and
 * each service's tests check that every endpoint it maps has a row of its own ({@link #ruleFor}).
 */
public final class EndpointRules {

    /** One row: the methods and path patterns it covers, and the rule. */
    public record EndpointRule(Set<HttpMethod> methods, List<PathPattern> patterns, AccessRule rule) {

        boolean matches(HttpMethod method, String path) {
            PathContainer container = PathContainer.parsePath(path);
            return methods.contains(method) && patterns.stream().anyMatch(pattern -> pattern.matches(container));
        }
    }

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final List<EndpointRule> rows;

    private EndpointRules(List<EndpointRule> rows) {
        this.rows = List.copyOf(rows);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The row that decides a request with this method and path, if any does. */
    public Optional<EndpointRule> ruleFor(HttpMethod method, String path) {
        return rows.stream().filter(row -> row.matches(method, path)).findFirst();
    }

    void applyTo(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (EndpointRule row : rows) {
            for (HttpMethod method : row.methods()) {
                for (PathPattern pattern : row.patterns()) {
                    requests.requestMatchers(PathPatternRequestMatcher.withDefaults()
                                    .matcher(method, pattern.getPatternString()))
                            .access(row.rule()::decide);
                }
            }
        }
    }

    public static final class Builder {

        private final List<EndpointRule> rows = new ArrayList<>();

        private Builder() {}

        /** GET and HEAD of these paths need no token. */
        public Builder open(String... patterns) {
            return add(READS, AccessRule.OPEN, patterns);
        }

        /** GET and HEAD of these paths need a caller meeting {@code rule}. */
        public Builder reads(AccessRule rule, String... patterns) {
            return add(READS, rule, patterns);
        }

        /** POST to these paths needs a caller meeting {@code rule}. */
        public Builder writes(AccessRule rule, String... patterns) {
            return add(Set.of(HttpMethod.POST), rule, patterns);
        }

        private Builder add(Set<HttpMethod> methods, AccessRule rule, String... patterns) {
            rows.add(new EndpointRule(
                    methods,
                    java.util.Arrays.stream(patterns)
                            .map(PathPatternParser.defaultInstance::parse)
                            .toList(),
                    rule));
            return this;
        }

        public EndpointRules build() {
            return new EndpointRules(rows);
        }
    }
}
