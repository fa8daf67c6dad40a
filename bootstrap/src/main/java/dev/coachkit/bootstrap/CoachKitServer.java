package dev.coachkit.bootstrap;

import dev.coachkit.adapters.http.HttpServer;
import dev.coachkit.adapters.http.HttpSettings;
import dev.coachkit.adapters.messaging.redis.RedisConnection;
import dev.coachkit.adapters.messaging.redis.RedisReadinessProbe;
import dev.coachkit.adapters.persistence.shared.PostgresPersistence;
import dev.coachkit.application.CoachKit;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One server process: database (embedded or external), migrations, the core, and the HTTP API. */
final class CoachKitServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoachKitServer.class);

    private final CoachKit core;
    private final HttpServer http;
    private final JvmGcMetrics gcMetrics;

    private CoachKitServer(CoachKit core, HttpServer http, JvmGcMetrics gcMetrics) {
        this.core = core;
        this.http = http;
        this.gcMetrics = gcMetrics;
    }

    static CoachKitServer start(Configuration configuration) {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gcMetrics = bindJvmMetrics(meters);
        Database database = Database.open(configuration);
        CoachKit core;
        try {
            int applied = database.migrate();
            LOG.info("database ready ({}), {} migrations applied", database.embedded().isPresent()
                    ? "embedded in " + configuration.dataDir().toAbsolutePath() : database.runtime(), applied);
            PostgresPersistence persistence =
                    PostgresPersistence.connect(database.runtime(), configuration.databasePoolSize(), meters);
            CoachKit.Builder builder = CoachKit.builder()
                    .unitOfWork(persistence.unitOfWork())
                    .eventOutbox(persistence.eventOutbox())
                    .readinessProbe(persistence.readinessProbe())
                    .manage(database)
                    .manage(persistence);
            configuration.redisUrl().map(RedisConnection::new).ifPresent(redis ->
                    builder.readinessProbe(new RedisReadinessProbe(redis)).manage(redis));
            core = builder.build();
        } catch (RuntimeException failure) {
            database.close();
            throw failure;
        }
        core.start();
        HttpServer http;
        try {
            http = HttpServer.start(HttpSettings.defaults()
                    .withPort(configuration.port())
                    .withMaxRequestBodyBytes(configuration.maxRequestBytes())
                    .withStopTimeout(Duration.ofSeconds(configuration.shutdownGraceSeconds())), core, meters);
        } catch (RuntimeException failure) {
            core.stop();
            throw failure;
        }
        LOG.info("CoachKit serving on port {}", http.port());
        return new CoachKitServer(core, http, gcMetrics);
    }

    int port() {
        return http.port();
    }

    CoachKit core() {
        return core;
    }

    /** Stops accepting requests, lets in-flight ones finish, then closes the pool and the database. */
    @Override
    public void close() {
        try {
            http.stop();
        } finally {
            core.stop();
            gcMetrics.close();
        }
    }

    private static JvmGcMetrics bindJvmMetrics(PrometheusMeterRegistry meters) {
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(meters);
        return gcMetrics;
    }
}
