package io.commitmentsledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The service unchanged against an external PostgreSQL given through ordinary Spring configuration, here a
 * Testcontainers PostgreSQL 16. Skipped where no Docker engine runs; the rest of the suite uses embedded PostgreSQL.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalPostgresIT {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:16-alpine");

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
    }

    @LocalServerPort
    int port;

    @Test
    void recordsAndServesEventsInAnExternalDatabase() {
        LedgerClient client = new LedgerClient(port);

        String id = client.agreeNew("external");

        assertThat(client.eventCount(id)).isEqualTo(1);
    }
}
