package dev.coachkit.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.http.idempotency.IdempotentRequests;
import dev.coachkit.adapters.http.openapi.DocsRoutes;
import dev.coachkit.adapters.http.operations.MetricsListener;
import dev.coachkit.adapters.http.operations.OperationsRoutes;
import dev.coachkit.adapters.http.security.RequestSecurity;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.HttpMetrics;
import dev.coachkit.adapters.http.shared.JavalinJsonMapper;
import dev.coachkit.adapters.http.shared.JettyErrors;
import dev.coachkit.adapters.http.shared.JsonMapping;
import dev.coachkit.adapters.http.shared.ProblemMapper;
import dev.coachkit.adapters.http.shared.QueryStrings;
import dev.coachkit.adapters.http.shared.RequestBody;
import dev.coachkit.adapters.http.shared.RequestIds;
import dev.coachkit.adapters.http.shared.RequestLogging;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.adapters.http.shared.StalledBodies;
import dev.coachkit.application.CoachKit;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.out.RateLimiter;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsHandlerType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.hibernate.validator.HibernateValidator;
import org.slf4j.LoggerFactory;

/**
 * The CoachKit REST server: Javalin on Jetty 12, serving the routes of every {@link RouteModule}, the
 * operations endpoints, {@code /openapi.json} and {@code /docs}.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.builder(core, meterRegistry)
 *         .settings(HttpSettings.defaults().withPort(8080))
 *         .authentication(authenticateUseCase) // without it every protected route answers 401
 *         .rateLimiter(rateLimiter)           // without it nothing is limited
 *         .routes(new SpacesRoutes(core))
 *         .start();
 * ...
 * server.stop(); // lets in-flight requests finish, up to settings.stopTimeout()
 * }</pre>
 */
public final class HttpServer implements AutoCloseable {

    private static final String API_TITLE = "CoachKit API";

    private final Javalin app;
    private final ValidatorFactory validators;
    private final Optional<MetricsListener> metrics;
    private final List<RouteModule> modules;
    private boolean stopped;

    private HttpServer(Javalin app, ValidatorFactory validators, Optional<MetricsListener> metrics,
            List<RouteModule> modules) {
        this.app = app;
        this.validators = validators;
        this.metrics = metrics;
        this.modules = List.copyOf(modules);
    }

    /** Starts a server with only the operations and documentation endpoints. */
    public static HttpServer start(HttpSettings settings, CoachKit core, PrometheusMeterRegistry registry) {
        return builder(core, registry).settings(settings).start();
    }

    /**
     * Loads and initialises Javalin, Jetty and Hibernate Validator on the calling thread without
     * serving anything: on a cold JVM their first use takes about half a second. A server calls it
     * on a second thread while its database starts.
     */
    public static void warmUp() {
        Validation.buildDefaultValidatorFactory().close();
        Javalin.create(cfg -> cfg.routes.get("/", ctx -> ctx.result("")));
    }

    public static Builder builder(CoachKit core, PrometheusMeterRegistry registry) {
        return new Builder(core, registry);
    }

    /** The port the server listens on; the chosen one when the settings asked for port 0. */
    public int port() {
        return app.port();
    }

    /** The port {@code /metrics} is served on: its own, when the builder asked for one, else {@link #port()}. */
    public int metricsPort() {
        return metrics.map(MetricsListener::port).orElseGet(this::port);
    }

    /**
     * Ends long-lived requests (real-time streams), stops accepting connections, lets in-flight requests
     * finish (bounded by the stop timeout), then stops.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            modules.forEach(HttpServer::stopQuietly);
            app.stop();
        } finally {
            validators.close();
            metrics.ifPresent(MetricsListener::close);
        }
    }

    /** One module failing to end its long-lived requests must not keep the server from stopping. */
    private static void stopQuietly(RouteModule module) {
        try {
            module.stopping();
        } catch (RuntimeException failure) {
            LoggerFactory.getLogger(HttpServer.class).warn("Ending the long-lived requests of {} failed",
                    module.getClass().getSimpleName(), failure);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code GET /health}-style keys of the HTTP endpoints Javalin actually registered. */
    List<String> registeredEndpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name().toUpperCase(Locale.ROOT) + " " + endpoint.path)
                .toList();
    }

    /** Collects settings and route modules; {@link #start()} binds the port. */
    public static final class Builder {
        private final CoachKit core;
        private final PrometheusMeterRegistry registry;
        private HttpSettings settings = HttpSettings.defaults();
        private final List<RouteModule> modules = new ArrayList<>();
        private AuthenticateUseCase authentication;
        private RateLimiter rateLimiter;
        private OptionalInt metricsPort = OptionalInt.empty();

        private Builder(CoachKit core, PrometheusMeterRegistry registry) {
            this.core = Objects.requireNonNull(core, "core");
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        public Builder settings(HttpSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Verifies the bearer tokens of protected routes; without it they all answer 401. */
        public Builder authentication(AuthenticateUseCase authenticate) {
            this.authentication = Objects.requireNonNull(authenticate, "authenticate");
            return this;
        }

        /** Enforces {@link HttpSettings#rateLimits()}; without it requests are not limited. */
        public Builder rateLimiter(RateLimiter limiter) {
            this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
            return this;
        }

        /**
         * Serves {@code /metrics} on a port of its own ({@code 0} picks a free one) on the same interface, and
         * not on the API's port, which then answers 404 for it and leaves it out of {@code /openapi.json}.
         */
        public Builder metricsOnPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("the metrics port must be 0..65535, got " + port);
            }
            this.metricsPort = OptionalInt.of(port);
            return this;
        }

        /** Adds routes; each is registered with Javalin and described in {@code /openapi.json}. */
        public Builder routes(RouteModule... more) {
            modules.addAll(List.of(more));
            return this;
        }

        public Builder routes(List<? extends RouteModule> more) {
            modules.addAll(more);
            return this;
        }

        /**
         * Builds every route, checks there are no duplicates and starts the server.
         *
         * @throws IllegalStateException when two routes share a method and path or an operationId
         */
        public HttpServer start() {
            ObjectMapper mapper = JsonMapping.objectMapper(settings.maxJsonNestingDepth());
            List<ApiRoute> routes = new ArrayList<>(
                    new OperationsRoutes(core.checkReadiness(), registry, metricsPort.isEmpty()).routes());
            modules.forEach(module -> routes.addAll(module.routes()));
            routes.addAll(new DocsRoutes(mapper, API_TITLE, settings.apiVersion(), settings.publicUrl(), routes).routes());
            requireUnique(routes);

            ValidatorFactory validators = Validation.byProvider(HibernateValidator.class).configure()
                    .defaultLocale(Locale.ENGLISH) // field messages must not depend on the host's locale
                    .buildValidatorFactory();
            try {
                Javalin app = Javalin.create(cfg -> configure(cfg, mapper, validators, routes));
                app.start(settings.host(), settings.port());
                try {
                    Optional<MetricsListener> metrics = metricsPort.isPresent()
                            ? Optional.of(MetricsListener.start(settings.host(), metricsPort.getAsInt(), registry))
                            : Optional.empty();
                    return new HttpServer(app, validators, metrics, modules);
                } catch (RuntimeException e) {
                    app.stop();
                    throw e;
                }
            } catch (RuntimeException e) {
                validators.close();
                throw e;
            }
        }

        /**
         * Jetty caches each connection's header fields, Authorization included; a connection that carries
         * many callers (from a proxy or a load balancer) brings a new token on almost every request, so
         * the cache fills and is wiped over and over: 7 % of the feed's CPU in bench/api.sh's profile.
         */
        private static final int NO_HEADER_CACHE = 0;

        private void configure(JavalinConfig cfg, ObjectMapper mapper, ValidatorFactory validators, List<ApiRoute> routes) {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = settings.virtualThreads(); // Javalin falls back to platform threads on 17
            cfg.http.maxRequestSize = settings.maxRequestBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jsonMapper(new JavalinJsonMapper(mapper));
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                http.setHeaderCacheSize(NO_HEADER_CACHE);
            });
            cfg.jetty.modifyServer(server -> {
                // without a GracefulHandler Jetty's stop timeout only closes connections, it does not wait for requests
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(settings.stopTimeout().toMillis());
                server.setErrorHandler(new JettyErrors(mapper));
                // Javalin adds its connector after this hook, so the idle timeout is set as the server starts
                server.addEventListener(new LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStarting(LifeCycle event) {
                        for (Connector connector : server.getConnectors()) {
                            if (connector instanceof AbstractConnector idle) {
                                idle.setIdleTimeout(settings.idleTimeout().toMillis());
                            }
                        }
                    }
                });
            });
            RequestBody.install(cfg, mapper, validators.getValidator());
            new ProblemMapper(mapper, settings.maxRequestBodyBytes()).install(cfg);

            HttpMetrics metrics = new HttpMetrics(registry);
            RequestSecurity security = new RequestSecurity(settings.trustedProxies(), settings.rateLimits(),
                    authentication, rateLimiter, settings.corsAllowedOrigins());
            cfg.routes.before(ctx -> {
                RequestIds.assign(ctx);
                RequestLogging.forgetCaller();
                metrics.start(ctx);
                security.before(ctx);
                QueryStrings.requireWellFormed(ctx.queryString());
            });
            IdempotentRequests idempotency = new IdempotentRequests(core.idempotentRequests());
            for (ApiRoute route : routes) {
                cfg.routes.addHttpHandler(route.method().handlerType(), route.path(),
                        StalledBodies.answerAsProblem(security.guard(idempotency.wrap(route))));
            }
            for (RouteModule module : modules) {
                module.webSockets().forEach(endpoint -> cfg.routes.addWsHandler(WsHandlerType.WEBSOCKET,
                        endpoint.path(), endpoint.handlers()));
            }
            cfg.routes.after(metrics::stop);
            cfg.requestLogger.http(RequestLogging::finish);
        }

        private static void requireUnique(List<ApiRoute> routes) {
            Set<String> keys = new HashSet<>();
            Set<String> operationIds = new HashSet<>();
            for (ApiRoute route : routes) {
                if (!keys.add(route.key())) {
                    throw new IllegalStateException("two routes answer " + route.key());
                }
                if (!operationIds.add(route.operationId())) {
                    throw new IllegalStateException("two routes share the operationId " + route.operationId());
                }
            }
        }
    }
}
