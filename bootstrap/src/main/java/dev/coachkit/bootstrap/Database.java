package dev.coachkit.bootstrap;

import dev.coachkit.adapters.persistence.shared.DatabaseMigrations;
import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import dev.coachkit.adapters.persistence.shared.RolePasswords;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
            return new Database(embedded.runtime(), configuredWorker.orElse(embedded.worker()),
                    Optional.of(embedded.owner()), Optional.of(embedded));
        }
        PostgresUrl runtime = parse(configuration.databaseUrl().orElseThrow(), Setting.DATABASE_URL);
        return new Database(runtime, configuredWorker.orElse(defaultWorker(runtime)),
                configuration.migrationDatabaseUrl().map(url -> parse(url, Setting.MIGRATION_DATABASE_URL)),
                Optional.empty());
    }

    /**
     * Applies pending migrations when the owner is known; returns how many ran. On the embedded
     * cluster the roles the migrations create then get their generated passwords (every start: an
     * older version's cluster has them without).
     */
    int migrate() {
        int applied = owner.map(url -> DatabaseMigrations.migrate(url, runtime.user(), worker.user())).orElse(0);
        embedded.ifPresent(cluster -> RolePasswords.set(owner.orElseThrow(), cluster.rolePasswords().entrySet().stream()
                .filter(role -> role.getKey().equals(runtime.user()) || role.getKey().equals(worker.user()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        return applied;
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
