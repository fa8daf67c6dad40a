package dev.coachkit.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class DatabaseMigrationsTest {

    private final TestDatabase database = TestDatabase.shared();

    @Test
    void an_owner_that_cannot_bypass_row_level_security_is_refused_with_what_to_fix() {
        database.executeAsOwner("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coachkit_test_plain_owner') THEN
                    CREATE ROLE coachkit_test_plain_owner LOGIN;
                  END IF;
                END $$""");
        try {
            assertThatThrownBy(() -> DatabaseMigrations.migrate(
                    database.owner().withUser("coachkit_test_plain_owner", null),
                    DatabaseMigrations.DEFAULT_RUNTIME_ROLE, DatabaseMigrations.DEFAULT_WORKER_ROLE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("BYPASSRLS");
        } finally {
            database.executeAsOwner("DROP ROLE coachkit_test_plain_owner");
        }
    }

    @Test
    void migrating_as_the_runtime_role_is_refused() {
        assertThatThrownBy(() -> DatabaseMigrations.migrate(database.runtime(),
                DatabaseMigrations.DEFAULT_RUNTIME_ROLE, DatabaseMigrations.DEFAULT_WORKER_ROLE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("COACHKIT_MIGRATION_DATABASE_URL");
    }
}
