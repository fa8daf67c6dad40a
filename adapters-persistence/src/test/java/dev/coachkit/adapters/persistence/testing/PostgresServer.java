package dev.coachkit.adapters.persistence.testing;

import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import dev.coachkit.application.testing.TestServices;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server for tests: the one named by
 * {@code COACHKIT_TEST_DATABASE_URL} (a superuser URL), else a Testcontainers container when a
 * Docker engine answers, else an embedded server. One per test JVM; it never silently skips.
 */
public final class PostgresServer {

    public static final String URL_VARIABLE = "COACHKIT_TEST_DATABASE_URL";

    private static PostgresServer configuredOrStarted;
    private static PostgresServer embedded;

    private final PostgresUrl admin;
    private final String origin;

    private PostgresServer(PostgresUrl admin, String origin) {
        this.admin = admin;
        this.origin = origin;
    }

    /** The configured server, or a container, or an embedded one — in that order. */
    public static synchronized PostgresServer shared() {
        if (configuredOrStarted == null) {
            configuredOrStarted = locate();
        }
        return configuredOrStarted;
    }

    /** Always an embedded server, for tests that must also pass on the embedded PostgreSQL. */
    public static synchronized PostgresServer embedded() {
        if (embedded == null) {
            embedded = new PostgresServer(startEmbedded(), "embedded");
        }
        return embedded;
    }

    /** A superuser URL of the server's maintenance database. */
    public PostgresUrl admin() {
        return admin;
    }

    /** Where the server came from, for test names and failure messages. */
    public String origin() {
        return origin;
    }

    private static PostgresServer locate() {
        TestServices.Found<PostgresUrl> found = TestServices.locate(URL_VARIABLE, PostgresUrl::parse,
                PostgresServer::startContainer, PostgresServer::startEmbedded,
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres (a superuser)");
        return new PostgresServer(found.address(), found.origin());
    }

    private static PostgresUrl startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return PostgresUrl.parse(container.getJdbcUrl()).withUser(container.getUsername(), container.getPassword());
    }

    private static PostgresUrl startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            return PostgresUrl.parse(postgres.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL failed to start", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
