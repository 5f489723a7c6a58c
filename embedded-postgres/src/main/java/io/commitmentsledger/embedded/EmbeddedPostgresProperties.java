package io.commitmentsledger.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL, a development database that runs beside the service. It starts only when chosen
 * explicitly: a deployment that forgot its {@code spring.datasource.url} must fail, not record into a throwaway
 * database.
 *
 * @param enabled start the embedded PostgreSQL (the local stack, the tests and the documented development commands
 *     set this); without it a {@code spring.datasource.url} is required
 * @param dataDirectory where its data lives between runs; delete it to start from scratch. Its server log is the file
 *     beside it named {@code <directory>.log}
 * @param port its port on localhost, or 0 for any free port (kept across restarts of the database)
 * @param cleanStart wipe the data directory at start (tests use this)
 */
@ConfigurationProperties("ledger.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue(".ledger-data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean cleanStart) {}
