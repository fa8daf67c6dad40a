package dev.coachkit.adapters.persistence.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations as the owner role. The runtime role's name is a placeholder in the
 * migrations, which create it if missing and grant it exactly what each table needs.
 */
public final class DatabaseMigrations {

    /** The runtime role the migrations create when nothing else is configured. */
    public static final String DEFAULT_RUNTIME_ROLE = "coachkit_app";

    /** The worker role (outbox relay, maintenance across tenants) created when nothing else is configured. */
    public static final String DEFAULT_WORKER_ROLE = "coachkit_worker";

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseMigrations() {}

    /** Migrates the database the owner URL points at; returns how many migrations ran. */
    public static int migrate(PostgresUrl owner, String runtimeRole, String workerRole) {
        return migrate(owner, runtimeRole, workerRole, MigrationVersion.LATEST);
    }

    /**
     * Migrates up to and including {@code target} only, as a database of an older release is; for
     * upgrade tests, which load data an older release wrote and then start the current one.
     */
    public static int migrateTo(PostgresUrl owner, String runtimeRole, String workerRole, String target) {
        return migrate(owner, runtimeRole, workerRole, MigrationVersion.fromVersion(target));
    }

    private static int migrate(PostgresUrl owner, String runtimeRole, String workerRole, MigrationVersion target) {
        for (String role : new String[] {runtimeRole, workerRole}) {
            if (!ROLE_NAME.matcher(role).matches()) {
                throw new IllegalArgumentException("database role names must match " + ROLE_NAME + ": " + role);
            }
        }
        if (runtimeRole.equals(workerRole)) {
            throw new IllegalArgumentException("the runtime and the worker role must differ: " + runtimeRole);
        }
        if (owner.user().equals(runtimeRole) || owner.user().equals(workerRole)) {
            throw new IllegalArgumentException("migrations must run as the owner role, not as the runtime role "
                    + runtimeRole + ": set COACHKIT_MIGRATION_DATABASE_URL to the owner's URL");
        }
        requireOwnerBypassesRowLevelSecurity(owner);
        MigrateResult result = Flyway.configure()
                .dataSource(owner.jdbcUrl(), null, null)
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtime_role", runtimeRole, "worker_role", workerRole))
                .target(target)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /**
     * The few cross-tenant reads (login's memberships, an invitation token's tenant) are security
     * definer functions owned by the migrating role; under forced RLS they would find nothing unless
     * that role is superuser or has BYPASSRLS — so a role without either is refused up front.
     */
    private static void requireOwnerBypassesRowLevelSecurity(PostgresUrl owner) {
        try (Connection connection = DriverManager.getConnection(owner.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet role = statement.executeQuery(
                     "select rolsuper or rolbypassrls from pg_catalog.pg_roles where rolname = current_user")) {
            if (!role.next() || !role.getBoolean(1)) {
                throw new IllegalStateException("the migrating role '" + owner.user() + "' must be a superuser or have"
                        + " BYPASSRLS (it owns the security-definer functions that read across tenants):"
                        + " ALTER ROLE " + owner.user() + " BYPASSRLS, or migrate as another owner");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect as the migrating role: " + e.getMessage(), e);
        }
    }
}
