package io.commitmentsledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.Http.Response;
import io.commitmentsledger.projection.support.TestLedgerKey;
import io.commitmentsledger.security.testing.TestIssuer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * {@code ledger.pages.public=false}: the HTML pages and their stylesheet need a token of an agency or an auditor, as
 * the API's reads do, while health and the OpenAPI document stay open. (Open by default: AccessIT.)
 */
// its own property: the other ITs' cached contexts find their broker under spring.embedded.kafka.brokers
@EmbeddedKafka(
        topics = {EventTypes.DEFAULT_TOPIC, EventTypes.DEFAULT_TOPIC + ".DLT"},
        bootstrapServersProperty = "closed-pages.kafka.brokers")
class ClosedPagesIT {

    private static final List<String> PAGES =
            List.of("/", "/partnerships/closed-pages-none", "/commitments", "/ledger.css");

    @Test
    void thePagesNeedAnAgencyOrAnAuditorWhenTheyAreNotPublic(EmbeddedKafkaBroker broker) {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ProjectionServiceApplication.class)
                // arguments, not default properties: they must win over application.yml
                .run(
                        "--server.port=0",
                        "--ledger.pages.public=false",
                        "--ledger.embedded-postgres.enabled=true",
                        "--ledger.embedded-postgres.data-directory=target/it-closed-pages-postgres",
                        "--ledger.embedded-postgres.clean-start=true",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--ledger.log.verifier-keys=" + TestLedgerKey.verifierKey())) {
            Http http = new Http(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

            for (String page : PAGES) {
                Response anonymous = http.anonymous().get(page);
                assertThat(anonymous.status()).as(page).isEqualTo(401);
                assertThat(anonymous.wwwAuthenticate()).as(page).startsWith("Bearer");
                assertThat(anonymous.contentType()).as(page).startsWith("application/problem+json");

                Response admin = http.withAuthorization(TestIssuer.admin()).get(page);
                assertThat(admin.status()).as(page).isEqualTo(403);
                assertThat(admin.json().get("rule").asString()).isEqualTo("reads-need-an-agency-or-auditor");

                assertThat(http.withAuthorization(TestIssuer.agency("GB/DSIT"))
                                .get(page)
                                .status())
                        .as(page)
                        .isIn(200, 404);
                assertThat(http.withAuthorization(TestIssuer.auditor())
                                .get(page)
                                .status())
                        .as(page)
                        .isIn(200, 404);
            }
            assertThat(http.withAuthorization(TestIssuer.auditor()).get("/").body())
                    .contains("<html");
            assertThat(http.anonymous().get("/actuator/health").status()).isEqualTo(200);
            assertThat(http.anonymous().get("/v3/api-docs").status()).isEqualTo(200);
        }
    }
}
