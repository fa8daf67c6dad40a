package dev.coachkit.bootstrap;

import dev.coachkit.adapters.messaging.testing.RedisServer;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;

/** Configuration of a server on a fresh test database and the test Redis, as an operator would give it. */
final class ExternalServers {

    static final String JWT_SECRET = "test-only-secret-of-more-than-thirty-two-bytes!";

    private ExternalServers() {}

    /** The environment for {@link CoachKitServer} on a fresh database, plus {@code extra} settings. */
    static Map<String, String> environment(Map<String, String> extra) {
        return environment(TestDatabase.createOn(PostgresServer.shared()), extra);
    }

    /** A server on {@code database} that trusts the loopback proxy, so each test client brings its own address. */
    static CoachKitServer startBehindLoopbackProxy(TestDatabase database) {
        return CoachKitServer.start(Configuration.from(environment(database, Map.of(
                "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128"))));
    }

    /** The environment for {@link CoachKitServer} on {@code database}, plus {@code extra} settings. */
    static Map<String, String> environment(TestDatabase database, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "COACHKIT_PORT", "0",
                "COACHKIT_DATABASE_URL", database.runtime().jdbcUrl(),
                "COACHKIT_MIGRATION_DATABASE_URL", database.owner().jdbcUrl(),
                "COACHKIT_REDIS_URL", RedisServer.shared().url(),
                "COACHKIT_JWT_SECRET", JWT_SECRET,
                // the test page pays orders: with a database configured, no provider would be chosen otherwise
                "COACHKIT_PAYMENT_PROVIDER", "local"));
        environment.putAll(extra);
        return environment;
    }
}
