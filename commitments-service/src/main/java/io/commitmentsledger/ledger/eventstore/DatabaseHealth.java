package io.commitmentsledger.ledger.eventstore;

import com.zaxxer.hikari.HikariConfigMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code db} (in the readiness group), in place of Spring Boot's own, which checks
 * a connection with no time limit: a half-dead database server would hold the health check, and readiness with it,
 * until the driver's socket timeout. This one waits for a connection at most the pool's connection timeout and for
 * the check at most the pool's validation timeout ({@code spring.datasource.hikari.connection-timeout} and {@code
 * validation-timeout}), so readiness turns 503 within seconds of the database going away.
 */
@Component("dbHealthIndicator")
class DatabaseHealth extends AbstractHealthIndicator {

    private static final Duration DEFAULT_VALIDATION_TIMEOUT = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final int validationTimeoutSeconds;

    DatabaseHealth(DataSource dataSource) throws SQLException {
        super("Database health check failed");
        this.dataSource = dataSource;
        Duration timeout = dataSource.isWrapperFor(HikariConfigMXBean.class)
                ? Duration.ofMillis(dataSource.unwrap(HikariConfigMXBean.class).getValidationTimeout())
                : DEFAULT_VALIDATION_TIMEOUT;
        // JDBC counts whole seconds, and 0 would mean no limit
        this.validationTimeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(validationTimeoutSeconds);
            (valid ? health.up() : health.down())
                    .withDetail("database", connection.getMetaData().getDatabaseProductName())
                    .withDetail("validationTimeoutSeconds", validationTimeoutSeconds);
        }
    }
}
