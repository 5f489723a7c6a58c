package io.commitmentsledger.web.problems;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Tells a database that is away from a database that is only busy, however the failure was wrapped on its way up
 * (Spring's CannotGetJdbcConnectionException or CannotCreateTransactionException, Axon's EventStoreException or
 * CommandExecutionException...). Both services answer the first with 503 {@code database-unavailable} and the second
 * with their own "busy" 503, never with a 500.
 */
public final class DatabaseFailures {

    /** SQLSTATE class 08, connection exception: refused, broken, closed. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server is shutting down or starting up. */
    private static final List<String> SERVER_GOING_AWAY = List.of("57P01", "57P02", "57P03");

    private DatabaseFailures() {}

    /**
     * Whether the database cannot be reached: somewhere in the cause chain PostgreSQL's driver reports a lost or
     * refused connection or a server going away. When the pool times out during an outage, its exception carries the
     * last connection failure as its cause, so it counts too.
     */
    public static boolean unreachable(Throwable failure) {
        return causes(failure).anyMatch(cause -> cause instanceof SQLException sql && isConnectionFailure(sql));
    }

    /**
     * Whether every pooled connection stayed busy for the pool's whole connection timeout while the database itself
     * answers: the service is overloaded, not cut off.
     */
    public static boolean poolExhausted(Throwable failure) {
        return causes(failure).anyMatch(SQLTransientConnectionException.class::isInstance) && !unreachable(failure);
    }

    /** The innermost cause, named with its class, for one log line instead of a stack trace. */
    public static String innermostMessage(Throwable failure) {
        Throwable innermost = causes(failure).reduce((outer, inner) -> inner).orElse(failure);
        return innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
    }

    private static boolean isConnectionFailure(SQLException sql) {
        @Nullable String state = sql.getSQLState();
        return state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_GOING_AWAY.contains(state));
    }

    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
    }
}
