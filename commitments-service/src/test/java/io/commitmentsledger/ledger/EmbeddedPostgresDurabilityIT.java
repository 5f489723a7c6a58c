package io.commitmentsledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The embedded PostgreSQL, with its default settings, keeps what the ledger acknowledged through an operating-system
 * crash or a power loss: it flushes commits to disk (fsync; zonky's {@code -F} turned it off), writes full pages
 * after a checkpoint (no torn pages), and a commit returns only once its WAL is flushed. Read through the service's
 * own DataSource, the one its event store writes to.
 */
@LedgerIntegrationTest
class EmbeddedPostgresDurabilityIT {

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    @Test
    void theDatabaseTheEventStoreWritesToFlushesEveryCommitToDisk() throws SQLException {
        String commitmentId = new LedgerClient(port).agreeNew("durable");

        try (Connection connection = dataSource.getConnection()) {
            assertThat(eventsOf(connection, commitmentId))
                    .as("this DataSource is the event store's")
                    .isEqualTo(1);
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
        }
    }

    private static long eventsOf(Connection connection, String commitmentId) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            statement.setString(1, commitmentId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
