package dev.coachkit.adapters.persistence.testing;

import dev.coachkit.adapters.persistence.PostgresPersistence;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The PostgreSQL adapters over the shared {@link TestDatabase}, connected once per test JVM. */
public final class TestPersistence {

    private static PostgresPersistence shared;

    private TestPersistence() {}

    public static synchronized PostgresPersistence shared() {
        if (shared == null) {
            shared = PostgresPersistence.connect(TestDatabase.shared().runtime(), 4, new SimpleMeterRegistry());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }
}
