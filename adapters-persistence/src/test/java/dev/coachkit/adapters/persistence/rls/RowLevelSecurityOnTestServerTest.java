package dev.coachkit.adapters.persistence.rls;

import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;

/** The catalog checks on the configured server (the machine's PostgreSQL 15 in CI). */
class RowLevelSecurityOnTestServerTest extends RowLevelSecurityCatalogTest {

    @Override
    protected TestDatabase createDatabase() {
        return TestDatabase.createOn(PostgresServer.shared());
    }
}
