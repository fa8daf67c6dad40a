package dev.coachkit.adapters.persistence.testing;

import dev.coachkit.adapters.persistence.shared.DatabaseMigrations;
import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.UUID;

/**
 * A freshly created, migrated database on a test {@link PostgresServer}, dropped when the JVM
 * exits. Gives the owner's URL (the superuser that ran the migrations) and the runtime role's URL.
 */
public final class TestDatabase {

    private static TestDatabase shared;

    private final PostgresServer server;
    private final PostgresUrl owner;

    private TestDatabase(PostgresServer server) {
        this(server, null);
    }

    /** {@code targetVersion} null: every migration; else only up to that version (an older release's schema). */
    private TestDatabase(PostgresServer server, String targetVersion) {
        this.server = server;
        String name = "coachkit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server.admin(), "CREATE DATABASE " + name.toLowerCase(Locale.ROOT));
        this.owner = server.admin().withDatabase(name);
        if (targetVersion == null) {
            DatabaseMigrations.migrate(owner, DatabaseMigrations.DEFAULT_RUNTIME_ROLE,
                    DatabaseMigrations.DEFAULT_WORKER_ROLE);
        } else {
            DatabaseMigrations.migrateTo(owner, DatabaseMigrations.DEFAULT_RUNTIME_ROLE,
                    DatabaseMigrations.DEFAULT_WORKER_ROLE, targetVersion);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(server.admin(),
                "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
    }

    /** One migrated database on the shared server, for the whole test JVM. */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = new TestDatabase(PostgresServer.shared());
        }
        return shared;
    }

    /** A new migrated database on the given server. */
    public static TestDatabase createOn(PostgresServer server) {
        return new TestDatabase(server);
    }

    /**
     * A new database on the given server migrated only up to {@code targetVersion}, as a database of
     * an older release is: an upgrade test loads that release's data into it, then starts the server,
     * which applies the remaining migrations.
     */
    public static TestDatabase createMigratedTo(PostgresServer server, String targetVersion) {
        return new TestDatabase(server, targetVersion);
    }

    public PostgresUrl owner() {
        return owner;
    }

    public PostgresUrl runtime() {
        return owner.withUser(DatabaseMigrations.DEFAULT_RUNTIME_ROLE, null);
    }

    public PostgresUrl worker() {
        return owner.withUser(DatabaseMigrations.DEFAULT_WORKER_ROLE, null);
    }

    public String origin() {
        return server.origin();
    }

    /** Runs SQL with bind parameters as the owner (superuser); for fixtures and catalog checks only. */
    public void executeAsOwner(String sql, Object... parameters) {
        execute(owner, sql, parameters);
    }

    /** The single number a query with bind parameters answers, as the owner; for assertions. */
    public long queryNumberAsOwner(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(owner.jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + e.getMessage(), e);
        }
    }

    private static void execute(PostgresUrl url, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed on " + url + ": " + e.getMessage(), e);
        }
    }
}
