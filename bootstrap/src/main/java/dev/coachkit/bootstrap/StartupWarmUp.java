package dev.coachkit.bootstrap;

import dev.coachkit.adapters.http.HttpServer;
import dev.coachkit.adapters.persistence.PostgresPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initialises the slowest libraries of a cold JVM — jOOQ with the generated schema (1.3 s on the
 * 2-core benchmark machine), Hibernate Validator and Javalin (0.5 s together) — on a second thread
 * while the main thread waits for the database, which none of them needs. The main thread then
 * finds them ready instead of initialising them itself (before and after in docs/benchmarks.md).
 */
final class StartupWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWarmUp.class);

    private StartupWarmUp() {}

    static void begin() {
        Thread thread = new Thread(StartupWarmUp::run, "startup-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    private static void run() {
        try {
            PostgresPersistence.warmUp();
            HttpServer.warmUp();
        } catch (RuntimeException | LinkageError failure) {
            // only time is lost: the main thread meets the same failure where it matters, and reports it
            LOG.debug("warming up failed", failure);
        }
    }
}
