package dev.coachkit.bootstrap;

import dev.coachkit.adapters.persistence.shared.DatabaseMigrations;
import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import java.util.Optional;

/**
 * Where the database is for this configuration — embedded in the data directory or external —
 * and the two roles on it: the owner that migrates and the runtime role that serves.
 */
record Database(PostgresUrl runtime, Optional<PostgresUrl> owner, Optional<EmbeddedDatabase> embedded)
        implements AutoCloseable {

    static Database open(Configuration configuration) {
        if (configuration.singleNode()) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(configuration.dataDir());
            PostgresUrl owner = embedded.owner();
            return new Database(owner.withUser(DatabaseMigrations.DEFAULT_RUNTIME_ROLE, null), Optional.of(owner),
                    Optional.of(embedded));
        }
        return new Database(parse(configuration.databaseUrl().orElseThrow(), Setting.DATABASE_URL),
                configuration.migrationDatabaseUrl().map(url -> parse(url, Setting.MIGRATION_DATABASE_URL)),
                Optional.empty());
    }

    /** Applies pending migrations when the owner is known; returns how many ran. */
    int migrate() {
        return owner.map(url -> DatabaseMigrations.migrate(url, runtime.user())).orElse(0);
    }

    @Override
    public void close() {
        embedded.ifPresent(EmbeddedDatabase::close);
    }

    private static PostgresUrl parse(String url, Setting setting) {
        try {
            return PostgresUrl.parse(url);
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException(java.util.List.of(setting.variable() + ": " + invalid.getMessage()));
        }
    }
}
