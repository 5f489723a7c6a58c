package io.commitmentsledger.projection.web;

import io.commitmentsledger.security.AccessRule;
import io.commitmentsledger.security.EndpointRules;
import io.commitmentsledger.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may use which endpoint of projection-service (ledger-security applies the table; the first row that matches
 * decides). Health probes, the OpenAPI document and Swagger UI are open, and so are the HTML pages unless {@code
 * ledger.pages.public=false}; every API read needs an agency or an auditor; rebuilding needs an admin, and watching a
 * rebuild an admin or an auditor; the other actuator endpoints (info, metrics) an auditor or an admin. {@code
 * AccessIT} checks that every endpoint the service maps has a row of its own.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    static final AccessRule READS = AccessRule.requiring(
            "reads-need-an-agency-or-auditor",
            "reading the ledger's read model needs a token of an agency or an auditor",
            Role.AGENCY,
            Role.AUDITOR);

    static final AccessRule REBUILDS = AccessRule.requiring(
            "rebuilds-need-an-admin", "rebuilding the read model needs a token of an admin", Role.ADMIN);

    /** The admin watches the rebuild it started; an auditor reads everything, this too. */
    static final AccessRule REBUILD_PROGRESS = AccessRule.requiring(
            "rebuild-progress-needs-an-admin-or-auditor",
            "a rebuild's progress is shown to an admin or an auditor",
            Role.ADMIN,
            Role.AUDITOR);

    /** Build info and metrics are for those who operate or audit the service, not for agency systems. */
    static final AccessRule MONITORING = AccessRule.requiring(
            "monitoring-needs-an-auditor-or-admin",
            "the service's info and metrics need a token of an auditor or an admin",
            Role.AUDITOR,
            Role.ADMIN);

    static final String REBUILDS_PATH = "/api/v1/admin/rebuilds";

    /** The pages (PagesController) and the stylesheet they share (static/). */
    static final String[] PAGES = {"/", "/partnerships/*", "/commitments", "/commitments/*", "/ledger.css"};

    @Bean
    EndpointRules projectionEndpointRules(PagesProperties pages) {
        EndpointRules.Builder rules = EndpointRules.builder()
                .open(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/v3/api-docs.yaml",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/error");
        if (pages.open()) {
            rules.open(PAGES);
        } else {
            rules.reads(READS, PAGES);
        }
        return rules.writes(REBUILDS, REBUILDS_PATH)
                .reads(REBUILD_PROGRESS, REBUILDS_PATH + "/**")
                .reads(READS, "/api/**")
                .reads(MONITORING, "/actuator", "/actuator/**")
                .build();
    }
}
