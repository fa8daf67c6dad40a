package dev.coachkit.bootstrap;

import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The wired server on a fresh database of its own, behind the loopback proxy (so each test client
 * brings its own address), started once for a test class: {@code @RegisterExtension static final
 * WiredServer SERVER = new WiredServer();}.
 */
final class WiredServer implements BeforeAllCallback, AfterAllCallback {

    private TestDatabase database;
    private CoachKitServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.createOn(PostgresServer.shared());
        server = ExternalServers.startBehindLoopbackProxy(database);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    int port() {
        return server.port();
    }

    /** A new client with an address of its own. */
    ApiClient client() {
        return new ApiClient(port());
    }

    TestDatabase database() {
        return database;
    }
}
