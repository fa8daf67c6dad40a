package dev.coachkit.bootstrap;

import dev.coachkit.adapters.crypto.passwords.Argon2PasswordHasher;
import dev.coachkit.adapters.crypto.tokens.JwtAccessTokenService;
import dev.coachkit.adapters.crypto.tokens.JwtSettings;
import dev.coachkit.adapters.http.HttpServer;
import dev.coachkit.adapters.http.HttpSettings;
import dev.coachkit.adapters.http.admin.AdminRoutes;
import dev.coachkit.adapters.http.admin.ExportRoutes;
import dev.coachkit.adapters.http.community.PostRoutes;
import dev.coachkit.adapters.http.community.SpaceRoutes;
import dev.coachkit.adapters.http.identity.IdentityRoutes;
import dev.coachkit.adapters.http.identity.JwksRoutes;
import dev.coachkit.adapters.http.media.BlobRoutes;
import dev.coachkit.adapters.http.media.AnnotationRoutes;
import dev.coachkit.adapters.http.media.MediaRoutes;
import dev.coachkit.adapters.http.notification.NotificationRoutes;
import dev.coachkit.adapters.http.realtime.RealtimeRoutes;
import dev.coachkit.adapters.http.scheduling.SchedulingRoutes;
import dev.coachkit.adapters.http.security.RateLimitSettings;
import dev.coachkit.adapters.http.payments.PaymentsRoutes;
import dev.coachkit.adapters.messaging.redis.RedisConnection;
import dev.coachkit.adapters.messaging.redis.RedisRateLimiter;
import dev.coachkit.adapters.messaging.redis.RedisReadinessProbe;
import dev.coachkit.adapters.messaging.redis.RedisTokenDenylist;
import dev.coachkit.adapters.payments.stripe.StripePaymentProvider;
import dev.coachkit.adapters.payments.stripe.StripeSettings;
import dev.coachkit.adapters.persistence.PostgresPersistence;
import dev.coachkit.adapters.storage.probe.FfmpegReadinessProbe;
import dev.coachkit.adapters.storage.probe.ImageVideoAndAudioProbe;
import dev.coachkit.application.CoachKit;
import dev.coachkit.application.CoachKitBuilder;
import dev.coachkit.application.admin.ExportSettings;
import dev.coachkit.application.identity.IdentitySettings;
import dev.coachkit.application.payments.PaymentsModule;
import dev.coachkit.application.payments.UnconfiguredPaymentProvider;
import dev.coachkit.application.payments.port.out.PaymentProvider;
import dev.coachkit.application.realtime.RealtimeModule;
import dev.coachkit.application.realtime.RealtimeSettings;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.memory.InMemoryAccessTokens;
import dev.coachkit.application.memory.InMemoryRateLimiter;
import dev.coachkit.application.memory.InMemoryTokenDenylist;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.identity.RateLimit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One server process: database (embedded or external), migrations, the core, and the HTTP API. */
final class CoachKitServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoachKitServer.class);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final CoachKit core;
    private final HttpServer http;
    private final JvmGcMetrics gcMetrics;
    private final PrometheusMeterRegistry meters;

    private CoachKitServer(CoachKit core, HttpServer http, JvmGcMetrics gcMetrics, PrometheusMeterRegistry meters) {
        this.core = core;
        this.http = http;
        this.gcMetrics = gcMetrics;
        this.meters = meters;
    }

    /** {@code serve}: the HTTP API and the workers configured by {@code COACHKIT_WORKERS}. */
    static CoachKitServer start(Configuration configuration) {
        return start(configuration, true, configuration.events().workers());
    }

    /**
     * One process: the core, the given background workers, and HTTP on {@code COACHKIT_PORT}: the whole
     * API when {@code serveApi}, otherwise only the operations endpoints ({@code /health}, {@code /ready},
     * {@code /metrics}), so that worker processes can be probed and scraped like API processes.
     */
    static CoachKitServer start(Configuration configuration, boolean serveApi, Set<Worker> workerSet) {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gcMetrics = bindJvmMetrics(meters);
        Optional<JwtSettings> jwt = serveApi ? Optional.of(SigningKeys.settings(configuration)) : Optional.empty();
        StartupWarmUp.begin();
        Database database = Database.open(configuration);
        CoachKit core;
        EventBackbone events;
        MediaStorage storage;
        try {
            int applied = database.migrate();
            LOG.info("database ready ({}), {} migrations applied", database.embedded().isPresent()
                    ? "embedded in " + configuration.dataDir().toAbsolutePath() : database.runtime(), applied);
            events = EventBackbone.connect(configuration, database, workerSet, meters);
        } catch (RuntimeException failure) {
            database.close();
            throw failure;
        }
        try {
            storage = MediaStorage.open(configuration, Clock.system());
            core = assemble(configuration, database, events, storage, jwt, meters);
        } catch (RuntimeException failure) {
            events.close();
            database.close();
            throw failure;
        }
        core.start(); // the event runtime: the relay, scheduler and consumer this process runs
        HttpServer http;
        try {
            http = serveApi ? startHttp(configuration, core, storage, jwt.orElseThrow(), meters)
                    : httpServer(configuration, core, meters).start();
        } catch (RuntimeException failure) {
            core.stop();
            throw failure;
        }
        LOG.info("CoachKit running: {} on port {}, metrics on port {}, workers {}",
                serveApi ? "the API" : "operations endpoints", http.port(), http.metricsPort(), workerSet);
        return new CoachKitServer(core, http, gcMetrics, meters);
    }

    /**
     * The API: every context's routes, and the JWK set of the token keys, which the composition root hands
     * from the crypto adapter to the HTTP one as plain maps (neither adapter knows the other).
     */
    private static HttpServer startHttp(Configuration configuration, CoachKit core, MediaStorage storage,
            JwtSettings jwt, PrometheusMeterRegistry meters) {
        HttpServer.Builder server = httpServer(configuration, core, meters)
                .authentication(core.identity().authenticate())
                .rateLimiter(core.rateLimiter())
                .routes(new IdentityRoutes(core.identity()),
                        new SpaceRoutes(core.community()), new PostRoutes(core.community()),
                        new AdminRoutes(core.admin()),
                        new NotificationRoutes(core.listNotifications(), core.markNotificationRead()),
                        new SchedulingRoutes(core.scheduling(), configuration.events().publicUrl()))
                .routes(new MediaRoutes(core.media()), new AnnotationRoutes(core.media()))
                .routes(new ExportRoutes(core.exports()))
                .routes(new JwksRoutes(jwt.jwkSet()::keys))
                .routes(new RealtimeRoutes(core.module(RealtimeModule.class)))
                .routes(new PaymentsRoutes(core.module(PaymentsModule.class)));
        storage.signedTransfer().ifPresent(transfer -> server.routes(new BlobRoutes(transfer)));
        return server.start();
    }

    /** The core on PostgreSQL, with Redis for shared limits and revocations when configured. */
    private static CoachKit assemble(Configuration configuration, Database database, EventBackbone events,
            MediaStorage storage, Optional<JwtSettings> jwt, PrometheusMeterRegistry meters) {
        Configuration.Security security = configuration.security();
        Clock clock = Clock.system();
        PostgresPersistence persistence =
                PostgresPersistence.connect(database.runtime(), configuration.databasePoolSize(), meters);
        try {
            return assemble(configuration, database, events, storage, jwt, persistence, clock, security);
        } catch (RuntimeException failure) {
            storage.close();
            persistence.close();
            throw failure;
        }
    }

    private static CoachKit assemble(Configuration configuration, Database database, EventBackbone events,
            MediaStorage storage, Optional<JwtSettings> jwt, PostgresPersistence persistence, Clock clock,
            Configuration.Security security) {
        CoachKitBuilder builder = persistence.addTo(CoachKit.builder())
                .clock(clock)
                .manage(database)
                .manage(persistence)
                .manage(events)
                .mailer(events.mailer(configuration.singleNode()))
                .publicUrl(configuration.events().publicUrl())
                .appUrl(configuration.events().appUrl().orElse(configuration.events().publicUrl()))
                .contentErasure(configuration.erasureContent())
                .passwordHasher(new Argon2PasswordHasher())
                .accessTokens(jwt.<AccessTokenService>map(settings -> new JwtAccessTokenService(settings, clock))
                        .orElseGet(() -> new InMemoryAccessTokens(clock))) // workers issue no tokens
                .identitySettings(new IdentitySettings(Duration.ofMinutes(security.accessTokenMinutes()),
                        Duration.ofDays(security.refreshTokenDays()), Duration.ofDays(security.invitationDays()),
                        new RateLimit(security.loginAttemptsPerAccount(), MINUTE),
                        IdentitySettings.PASSWORD_RESET_VALIDITY, IdentitySettings.EMAIL_VERIFICATION_VALIDITY,
                        new RateLimit(security.passwordResetsPerAddress(), Duration.ofHours(1)),
                        new RateLimit(security.passwordResetsPerEmail(), Duration.ofHours(1))))
                .manage(storage)
                .blobStore(storage.store())
                .mediaProbe(new ImageVideoAndAudioProbe())
                .mediaSettings(MediaStorage.settings(configuration))
                .readinessProbe(new FfmpegReadinessProbe())
                .exportSettings(new ExportSettings(Duration.ofMinutes(configuration.media().exportUrlMinutes())))
                .realtimeSettings(RealtimeSettings.defaults()
                        .withLimits(configuration.realtime().streamsPerAccount(), configuration.realtime().streamsPerProcess())
                        .withRecheck(Duration.ofSeconds(configuration.realtime().recheckSeconds())))
                .paymentHold(Duration.ofMinutes(configuration.payments().holdMinutes()));
        paymentProvider(configuration).ifPresent(builder::paymentProvider);
        events.configure(builder);
        storage.readinessProbe().ifPresent(builder::readinessProbe);
        events.relayProbe(clock).ifPresent(builder::readinessProbe);
        events.queueProbe().ifPresent(builder::readinessProbe);
        configuration.redisUrl().map(RedisConnection::new).ifPresentOrElse(
                redis -> builder.manage(redis).readinessProbe(new RedisReadinessProbe(redis))
                        .tokenDenylist(new RedisTokenDenylist(redis, clock))
                        .rateLimiter(new RedisRateLimiter(redis)),
                () -> builder.tokenDenylist(new InMemoryTokenDenylist(clock))
                        .rateLimiter(new InMemoryRateLimiter(clock)));
        return builder.build();
    }

    /**
     * Stripe when configured. The core's local provider, whose checkout page this server serves, when chosen or
     * in single-node mode; a shared deployment that chose nothing takes no payments rather than serve that page.
     */
    private static Optional<PaymentProvider> paymentProvider(Configuration configuration) {
        Configuration.Payments payments = configuration.payments();
        if (payments.stripe()) {
            return Optional.of(new StripePaymentProvider(new StripeSettings(payments.stripeSecretKey().orElseThrow(),
                    payments.stripeWebhookSecret().orElseThrow(), payments.stripeApiBase().map(URI::create)),
                    java.time.Clock.systemUTC()));
        }
        if (payments.provider().isEmpty() && !configuration.singleNode()) {
            return Optional.of(new UnconfiguredPaymentProvider());
        }
        return Optional.empty();
    }

    /** The listener of every process: settings, and /metrics on its own port when one is configured. */
    private static HttpServer.Builder httpServer(Configuration configuration, CoachKit core,
            PrometheusMeterRegistry meters) {
        HttpServer.Builder server = HttpServer.builder(core, meters).settings(httpSettings(configuration));
        configuration.metricsPort().ifPresent(server::metricsOnPort);
        return server;
    }

    private static HttpSettings httpSettings(Configuration configuration) {
        Configuration.Security security = configuration.security();
        return HttpSettings.defaults()
                .withPort(configuration.port())
                .withMaxRequestBodyBytes(configuration.maxRequestBytes())
                .withIdleTimeout(Duration.ofSeconds(configuration.httpIdleTimeoutSeconds()))
                .withStopTimeout(Duration.ofSeconds(configuration.shutdownGraceSeconds()))
                .withTrustedProxies(security.trustedProxies())
                .withCorsAllowedOrigins(security.corsAllowedOrigins())
                .withRateLimits(new RateLimitSettings(new RateLimit(security.rateLimitPerIp(), MINUTE),
                        new RateLimit(security.rateLimitAuthPerIp(), MINUTE),
                        new RateLimit(security.rateLimitPerAccount(), MINUTE),
                        new RateLimit(security.rateLimitPerTenant(), MINUTE)));
    }

    int port() {
        return http.port();
    }

    int metricsPort() {
        return http.metricsPort();
    }

    CoachKit core() {
        return core;
    }

    /** The meters this process serves on {@code /metrics}, for tests that read a counter in-process. */
    MeterRegistry meters() {
        return meters;
    }

    /**
     * Stops accepting requests, lets in-flight ones finish, then stops the core: its event runtime after
     * the work in hand, then the pool and the database.
     */
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
