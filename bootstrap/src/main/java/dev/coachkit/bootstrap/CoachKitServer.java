package dev.coachkit.bootstrap;

import dev.coachkit.adapters.http.HttpServer;
import dev.coachkit.adapters.http.HttpSettings;
import dev.coachkit.adapters.http.identity.Argon2PasswordHasher;
import dev.coachkit.adapters.http.identity.IdentityRoutes;
import dev.coachkit.adapters.http.identity.JwtAccessTokenService;
import dev.coachkit.adapters.http.identity.JwtSettings;
import dev.coachkit.adapters.http.security.RateLimitSettings;
import dev.coachkit.adapters.messaging.identity.RedisRateLimiter;
import dev.coachkit.adapters.messaging.identity.RedisTokenDenylist;
import dev.coachkit.adapters.messaging.redis.RedisConnection;
import dev.coachkit.adapters.messaging.redis.RedisReadinessProbe;
import dev.coachkit.adapters.persistence.PostgresPersistence;
import dev.coachkit.application.CoachKit;
import dev.coachkit.application.identity.IdentitySettings;
import dev.coachkit.application.memory.InMemoryRateLimiter;
import dev.coachkit.application.memory.InMemoryTokenDenylist;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.identity.RateLimit;
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
    private static final Duration MINUTE = Duration.ofMinutes(1);

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
        JwtSettings jwt = jwtSettings(configuration);
        Database database = Database.open(configuration);
        CoachKit core;
        try {
            int applied = database.migrate();
            LOG.info("database ready ({}), {} migrations applied", database.embedded().isPresent()
                    ? "embedded in " + configuration.dataDir().toAbsolutePath() : database.runtime(), applied);
            core = assemble(configuration, database, jwt, meters);
        } catch (RuntimeException failure) {
            database.close();
            throw failure;
        }
        core.start();
        HttpServer http;
        try {
            http = HttpServer.builder(core, meters)
                    .settings(httpSettings(configuration))
                    .authentication(core.identity().authenticate())
                    .rateLimiter(core.rateLimiter())
                    .routes(new IdentityRoutes(core.identity()))
                    .start();
        } catch (RuntimeException failure) {
            core.stop();
            throw failure;
        }
        LOG.info("CoachKit serving on port {}", http.port());
        return new CoachKitServer(core, http, gcMetrics);
    }

    /** The core on PostgreSQL, with Redis for shared limits and revocations when configured. */
    private static CoachKit assemble(Configuration configuration, Database database, JwtSettings jwt,
            PrometheusMeterRegistry meters) {
        Configuration.Security security = configuration.security();
        Clock clock = Clock.system();
        PostgresPersistence persistence =
                PostgresPersistence.connect(database.runtime(), configuration.databasePoolSize(), meters);
        CoachKit.Builder builder = CoachKit.builder()
                .clock(clock)
                .manage(database)
                .manage(persistence)
                .unitOfWork(persistence.unitOfWork())
                .eventOutbox(persistence.eventOutbox())
                .identityStores(persistence.accounts(), persistence.tenants(), persistence.memberships(),
                        persistence.invitations(), persistence.refreshTokens(), persistence.auditLog())
                .passwordHasher(new Argon2PasswordHasher())
                .accessTokens(new JwtAccessTokenService(jwt, clock))
                .identitySettings(new IdentitySettings(Duration.ofMinutes(security.accessTokenMinutes()),
                        Duration.ofDays(security.refreshTokenDays()), Duration.ofDays(security.invitationDays())))
                .readinessProbe(persistence.readinessProbe());
        configuration.redisUrl().map(RedisConnection::new).ifPresentOrElse(
                redis -> builder.manage(redis).readinessProbe(new RedisReadinessProbe(redis))
                        .tokenDenylist(new RedisTokenDenylist(redis, clock))
                        .rateLimiter(new RedisRateLimiter(redis)),
                () -> builder.tokenDenylist(new InMemoryTokenDenylist(clock))
                        .rateLimiter(new InMemoryRateLimiter(clock)));
        return builder.build();
    }

    private static JwtSettings jwtSettings(Configuration configuration) {
        Configuration.Security security = configuration.security();
        return JwtSettings.defaults(SigningKeys.load(configuration))
                .withIssuer(security.jwtIssuer())
                .withAudience(security.jwtAudience())
                .withAccessTokenTtl(Duration.ofMinutes(security.accessTokenMinutes()));
    }

    private static HttpSettings httpSettings(Configuration configuration) {
        Configuration.Security security = configuration.security();
        return HttpSettings.defaults()
                .withPort(configuration.port())
                .withMaxRequestBodyBytes(configuration.maxRequestBytes())
                .withStopTimeout(Duration.ofSeconds(configuration.shutdownGraceSeconds()))
                .withTrustedProxies(security.trustedProxies())
                .withRateLimits(new RateLimitSettings(new RateLimit(security.rateLimitPerIp(), MINUTE),
                        new RateLimit(security.rateLimitAuthPerIp(), MINUTE),
                        new RateLimit(security.rateLimitPerAccount(), MINUTE),
                        new RateLimit(security.rateLimitPerTenant(), MINUTE)));
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
