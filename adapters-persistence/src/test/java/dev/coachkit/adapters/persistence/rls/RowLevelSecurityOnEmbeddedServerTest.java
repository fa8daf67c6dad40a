package dev.coachkit.adapters.persistence.rls;

import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;

/** The catalog checks on the embedded PostgreSQL that single-node mode runs. */
class RowLevelSecurityOnEmbeddedServerTest extends RowLevelSecurityCatalogTest {

    @Override
    protected TestDatabase createDatabase() {
        return TestDatabase.createOn(PostgresServer.embedded());
    }
}
