package io.commitmentsledger.ledger.web;

import io.commitmentsledger.security.AccessRule;
import io.commitmentsledger.security.EndpointRules;
import io.commitmentsledger.security.Role;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may use which endpoint of commitments-service (docs/security.md). Which commitment an agency may act on is the
 * commitment's own rule ({@code acting-agency-acts-for-a-party}, checked against its history), and that the body names
 * no other actor is {@code actor-is-the-caller}; both answer 403 too.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerAccess {

    public static final AccessRule COMMANDS_NEED_AN_AGENCY = AccessRule.requiring(
            "commands-need-an-agency",
            "only an agency system records facts (role agency, and a token naming its agency), and only for its own"
                    + " agency's party",
            Role.AGENCY);
    public static final AccessRule READS_NEED_AN_AGENCY_OR_AUDITOR = AccessRule.requiring(
            "reads-need-an-agency-or-auditor",
            "the ledger's history is read by agency systems and auditors (role agency or auditor)",
            Role.AGENCY,
            Role.AUDITOR);
    public static final AccessRule REPUBLICATIONS_NEED_AN_ADMIN = AccessRule.requiring(
            "republications-need-an-admin",
            "only an administrator republishes recorded events to Kafka (role admin)",
            Role.ADMIN);
    public static final AccessRule MONITORING_NEEDS_AN_AUDITOR_OR_ADMIN = AccessRule.requiring(
            "monitoring-needs-an-auditor-or-admin",
            "the service's metrics and build information are for auditors and administrators (role auditor or"
                    + " admin)",
            Role.AUDITOR,
            Role.ADMIN);

    /** The rules that may refuse a command: the endpoint's, then the two checked past it. */
    public static final List<String> COMMAND_RULES =
            List.of(COMMANDS_NEED_AN_AGENCY.name(), "actor-is-the-caller", "acting-agency-acts-for-a-party");

    public static final List<String> READ_RULES = List.of(READS_NEED_AN_AGENCY_OR_AUDITOR.name());

    public static final List<String> REPUBLICATION_RULES = List.of(REPUBLICATIONS_NEED_AN_ADMIN.name());

    /** Every rule a 403 problem of this service may name. */
    public static final List<String> RULES = java.util.stream.Stream.of(COMMAND_RULES, READ_RULES, REPUBLICATION_RULES)
            .flatMap(List::stream)
            .toList();

    @Bean
    EndpointRules endpointRules() {
        return EndpointRules.builder()
                .open(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/v3/api-docs",
                        "/v3/api-docs.yaml",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/error")
                .reads(MONITORING_NEEDS_AN_AUDITOR_OR_ADMIN, "/actuator/**")
                .writes(REPUBLICATIONS_NEED_AN_ADMIN, "/api/v1/admin/republications")
                .writes(COMMANDS_NEED_AN_AGENCY, "/api/v1/commitments", "/api/v1/commitments/**")
                .reads(READS_NEED_AN_AGENCY_OR_AUDITOR, "/api/**")
                .build();
    }
}
