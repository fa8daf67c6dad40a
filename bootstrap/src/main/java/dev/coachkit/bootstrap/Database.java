package dev.coachkit.bootstrap;

import dev.coachkit.adapters.persistence.shared.DatabaseMigrations;
import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import java.util.Optional;

/**
 * Where the database is for this configuration — embedded in the data directory or external —
 * and the two roles on it: the owner that migrates and the runtime role that serves.
 */
record Database(PostgresUrl runtime, PostgresUrl worker, Optional<PostgresUrl> owner,
        Optional<EmbeddedDatabase> embedded) implements AutoCloseable {

    static Database open(Configuration configuration) {
        Optional<PostgresUrl> configuredWorker = configuration.events().workerDatabaseUrl()
                .map(url -> parse(url, Setting.WORKER_DATABASE_URL));
        if (configuration.singleNode()) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(configuration.dataDir());
            PostgresUrl owner = embedded.owner();
            PostgresUrl runtime = owner.withUser(DatabaseMigrations.DEFAULT_RUNTIME_ROLE, null);
            return new Database(runtime, configuredWorker.orElse(defaultWorker(runtime)), Optional.of(owner),
                    Optional.of(embedded));
        }
        PostgresUrl runtime = parse(configuration.databaseUrl().orElseThrow(), Setting.DATABASE_URL);
        return new Database(runtime, configuredWorker.orElse(defaultWorker(runtime)),
                configuration.migrationDatabaseUrl().map(url -> parse(url, Setting.MIGRATION_DATABASE_URL)),
                Optional.empty());
    }

    /** Applies pending migrations when the owner is known; returns how many ran. */
    int migrate() {
        return owner.map(url -> DatabaseMigrations.migrate(url, runtime.user(), worker.user())).orElse(0);
    }

    private static PostgresUrl defaultWorker(PostgresUrl runtime) {
        return runtime.withUser(DatabaseMigrations.DEFAULT_WORKER_ROLE, null);
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
