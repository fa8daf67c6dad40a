package dev.coachkit.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.persistence.PostgresPersistence;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class RuntimeRoleGuardTest {

    private final TestDatabase database = TestDatabase.shared();

    @Test
    void the_runtime_role_created_by_the_migrations_is_accepted() {
        assertThatCode(() -> PostgresPersistence.connect(database.runtime(), 1, new SimpleMeterRegistry()).close())
                .doesNotThrowAnyException();
    }

    @Test
    void a_superuser_owning_the_tables_is_refused_with_what_to_fix() {
        assertThatThrownBy(() -> PostgresPersistence.connect(database.owner(), 1, new SimpleMeterRegistry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("superuser")
                .hasMessageContaining("owns")
                .hasMessageContaining("COACHKIT_DATABASE_URL");
    }

    @Test
    void a_role_with_bypassrls_is_refused() {
        database.executeAsOwner("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coachkit_test_bypass') THEN
                    CREATE ROLE coachkit_test_bypass LOGIN BYPASSRLS;
                  END IF;
                END $$""");

        try {
            assertThatThrownBy(() -> PostgresPersistence.connect(
                    database.owner().withUser("coachkit_test_bypass", null), 1, new SimpleMeterRegistry()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("BYPASSRLS");
        } finally {
            database.executeAsOwner("DROP ROLE coachkit_test_bypass");
        }
    }
}
