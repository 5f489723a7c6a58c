package io.commitmentsledger.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where its data lives between runs; delete it to start from scratch
 * @param port its port on localhost, or 0 for any free port
 * @param cleanStart wipe the data directory at start (tests use this)
 */
@ConfigurationProperties("ledger.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue(".ledger-data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean cleanStart) {}
