package io.commitmentsledger.projection.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generations of the read model. Each lives in a schema of its own ({@code read_model_<n>}), migrated by Flyway
 * from {@code db/read-model}; {@code projection_generation} names the one that answers queries. A rebuild creates a
 * new generation, fills it, then {@link #activate activates} it in one transaction and drops the old one.
 */
@Component
public class Generations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    Generations(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    /** Creates the first generation on first start; brings the active one up to the latest read-model migration. */
    @Override
    public void afterPropertiesSet() {
        jdbc.sql("SELECT active_schema FROM projection_generation")
                .query(String.class)
                .optional()
                .ifPresentOrElse(this::migrate, () -> {
                    String first = create();
                    jdbc.sql("INSERT INTO projection_generation (active_schema) VALUES (?)")
                            .param(first)
                            .update();
                });
    }

    /** The schema of the generation that answers queries now. */
    public String active() {
        return jdbc.sql("SELECT active_schema FROM projection_generation")
                .query(String.class)
                .single();
    }

    /** A new, empty generation. */
    public String create() {
        String schema = "read_model_" + System.currentTimeMillis();
        migrate(schema);
        log.info("Created read-model generation {}", schema);
        return schema;
    }

    /** Makes {@code schema} the generation that answers queries, atomically, and drops the one it replaces. */
    public void activate(String schema) {
        String previous = transaction.execute(tx -> {
            String old = jdbc.sql("SELECT active_schema FROM projection_generation FOR UPDATE")
                    .query(String.class)
                    .single();
            jdbc.sql("UPDATE projection_generation SET active_schema = ?, activated_at = now()")
                    .param(ReadModel.checked(schema))
                    .update();
            return old;
        });
        log.info("Read-model generation {} is active; dropping {}", schema, previous);
        drop(previous);
    }

    /** Removes a generation that is not active, such as one a failed rebuild left behind. */
    public void drop(String schema) {
        jdbc.sql("DROP SCHEMA IF EXISTS " + ReadModel.checked(schema) + " CASCADE")
                .update();
    }

    private void migrate(String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(ReadModel.checked(schema))
                .createSchemas(true)
                .locations("classpath:db/read-model")
                .load()
                .migrate();
    }
}
