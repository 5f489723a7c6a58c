package io.commitmentsledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The embedded PostgreSQL is a choice: a service given no database refuses to start and says what to set, instead of
 * running on a throwaway database. Started as the real services start, so Spring Boot's failure report is checked.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseChoiceTest {

    @Test
    void withoutADatasourceUrlAndWithoutTheEmbeddedDatabaseStartUpFailsAndSaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() ->
                        SpringApplication.run(ServiceWithEmbeddedPostgres.class).close())
                .hasRootCauseInstanceOf(DatabaseNotConfiguredException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Description:", "No database is configured", "Action:")
                .contains("SPRING_DATASOURCE_URL", "ledger.embedded-postgres.enabled=true");
    }

    @Test
    void aDatasourceUrlTogetherWithTheEmbeddedDatabaseIsRefused(CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(
                                ServiceWithEmbeddedPostgres.class,
                                "--spring.datasource.url=jdbc:postgresql://localhost:5432/ledger",
                                "--ledger.embedded-postgres.enabled=true")
                        .close())
                .hasRootCauseInstanceOf(DatabaseNotConfiguredException.class);
        assertThat(output.getOut() + output.getErr()).contains("Two databases are configured");
    }
}
