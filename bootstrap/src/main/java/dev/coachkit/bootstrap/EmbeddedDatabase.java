package dev.coachkit.bootstrap;

import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL of single-node mode: real PostgreSQL binaries from Maven Central, running as a
 * child process on a cluster kept in the data directory, so data survives restarts.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDir) {
        Path cluster = dataDir.resolve("postgres");
        try {
            Files.createDirectories(cluster);
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL in " + cluster + " failed to start", e);
        }
    }

    /** The superuser, which owns the schema and runs the migrations. */
    PostgresUrl owner() {
        return PostgresUrl.parse(postgres.getJdbcUrl(SUPERUSER, DATABASE));
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
