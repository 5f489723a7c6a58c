package io.commitmentsledger.embedded;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;

/**
 * Neither an external database ({@code spring.datasource.url}) nor the embedded one: start-up fails with {@link
 * DatabaseNotConfiguredException}, explained by {@link DatabaseChoiceFailureAnalyzer}, instead of Spring Boot's
 * generic "Failed to configure a DataSource" (or, as before, a throwaway database nobody asked for).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty(name = "ledger.embedded-postgres.enabled", havingValue = false, matchIfMissing = true)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class NoDatabaseConfiguration {

    @Bean
    DataSource dataSource() {
        throw new DatabaseNotConfiguredException(DatabaseNotConfiguredException.Reason.NONE_CHOSEN);
    }
}
