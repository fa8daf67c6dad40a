package dev.coachkit.adapters.persistence.shared;

import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Tells a database that did not answer from one that refused: no connection within the pool's
 * timeout, a connection lost (SQLSTATE class 08) or a server shutting down or starting (57P01–57P03).
 * Only those become {@link DependencyUnavailableException}; a constraint violation stays what it is.
 */
final class ConnectionFailures {

    /** About a restart's length: clients retry once the pool has had time to reconnect. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private ConnectionFailures() {}

    /** {@code failure} as an outage of the database when it is one, else {@code failure} itself. */
    static RuntimeException translate(RuntimeException failure) {
        return isConnectionFailure(failure)
                ? new DependencyUnavailableException("the database", RETRY_AFTER, failure)
                : failure;
    }

    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true; // HikariCP: no connection within its connection timeout
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
