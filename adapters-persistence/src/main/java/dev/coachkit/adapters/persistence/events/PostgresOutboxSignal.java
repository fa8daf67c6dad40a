package dev.coachkit.adapters.persistence.events;

import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import dev.coachkit.application.events.port.out.OutboxSignal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs on {@code coachkit_outbox}, which a statement trigger notifies after outbox inserts. It
 * needs its own direct connection (not a pooled one, and not through PgBouncer's transaction mode);
 * a broken connection is reopened on the next wait, and notifications sent meanwhile are lost —
 * which is why the relay polls as well.
 */
public final class PostgresOutboxSignal implements OutboxSignal {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresOutboxSignal.class);

    private final PostgresUrl url;
    private Connection connection;
    private boolean closed;

    public PostgresOutboxSignal(PostgresUrl url) {
        this.url = url;
    }

    @Override
    public synchronized boolean awaitEvents(Duration timeout) throws InterruptedException {
        if (closed) {
            return false;
        }
        try {
            PGNotification[] notifications = listening().unwrap(PGConnection.class)
                    .getNotifications((int) Math.max(1, timeout.toMillis()));
            return notifications != null && notifications.length > 0;
        } catch (SQLException lost) {
            LOG.warn("outbox notifications unavailable, polling meanwhile: {}", lost.getMessage());
            disconnect();
            Thread.sleep(timeout.toMillis());
            return false;
        }
    }

    private Connection listening() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url.jdbcUrl());
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN coachkit_outbox");
            }
        }
        return connection;
    }

    /** Stops listening for good: a closed signal never reconnects. */
    @Override
    public synchronized void close() {
        closed = true;
        disconnect();
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the listening connection failed", e);
            }
            connection = null;
        }
    }
}
