package io.commitmentsledger.ledger.eventstore;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Orders Axon's JDBC auto-configuration after Boot 4's DataSource auto-configuration. Boot 4 moved DataSource
 * auto-configuration to another package; without this order Axon finds no DataSource and silently falls back to a
 * plain, non-persistent event bus. {@code EventStoreIT} fails if that happens again.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
        },
        beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
public class AxonJdbcAfterDataSource {}
