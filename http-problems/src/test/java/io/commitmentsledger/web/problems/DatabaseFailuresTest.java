package io.commitmentsledger.web.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    /** What HikariCP throws when its wait for a connection times out, with the last connection failure if any. */
    private static SQLTransientConnectionException poolTimeout(SQLException lastConnectionFailure) {
        return new SQLTransientConnectionException(
                "pool - Connection is not available, request timed out after 2000ms.",
                lastConnectionFailure == null ? null : lastConnectionFailure.getSQLState(),
                lastConnectionFailure);
    }

    @Test
    void aRefusedConnectionBehindThePoolsTimeoutIsAnOutage() {
        var failure = new RuntimeException(
                "Could not open JDBC Connection", poolTimeout(new SQLException("Connection refused", "08001")));

        assertThat(DatabaseFailures.unreachable(failure)).isTrue();
        assertThat(DatabaseFailures.poolExhausted(failure)).isFalse();
        assertThat(DatabaseFailures.innermostMessage(failure)).isEqualTo("SQLException: Connection refused");
    }

    @Test
    void aServerShuttingDownIsAnOutage() {
        assertThat(DatabaseFailures.unreachable(
                        new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
    }

    @Test
    void aPoolTimeoutWhileTheDatabaseAnswersIsOverloadNotAnOutage() {
        var failure = new RuntimeException(poolTimeout(null));

        assertThat(DatabaseFailures.unreachable(failure)).isFalse();
        assertThat(DatabaseFailures.poolExhausted(failure)).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNeither() {
        var duplicate = new RuntimeException(new SQLException("duplicate key", "23505"));

        assertThat(DatabaseFailures.unreachable(duplicate)).isFalse();
        assertThat(DatabaseFailures.poolExhausted(duplicate)).isFalse();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("no SQL at all")))
                .isFalse();
    }
}
