package dev.coachkit.adapters.http.testing;

import dev.coachkit.adapters.http.HttpServer;
import dev.coachkit.adapters.http.HttpSettings;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.CoachKit;
import dev.coachkit.application.CoachKitBuilder;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.shared.port.out.ReadinessProbe;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** A real server on a free port over in-memory adapters, with a client that talks to it. */
public final class TestServer implements AutoCloseable {

    private final HttpServer server;
    private final CoachKit core;
    private final String bearer;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServer(HttpServer server, CoachKit core, String bearer) {
        this.server = server;
        this.core = core;
        this.bearer = bearer;
    }

    public static Builder aServer() {
        return new Builder();
    }

    public HttpServer server() {
        return server;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public TestResponse get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public TestResponse postJson(String path, String json) {
        return post(path, json, "application/json");
    }

    public TestResponse post(String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        return send(contentType == null ? request : request.header("Content-Type", contentType));
    }

    /** Sends the request, adding the default bearer token unless it carries an Authorization header. */
    public TestResponse send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        if (bearer != null && request.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + bearer).build();
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new TestResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        core.stop();
    }

    /**
     * Valid defaults: loopback, port 0, no readiness probes, {@link StubAuthentication} with its
     * {@link StubAuthentication#TOKEN} sent on every request, no rate limiter.
     */
    public static final class Builder {
        private UnaryOperator<HttpSettings> settings = UnaryOperator.identity();
        private AuthenticateUseCase authentication = new StubAuthentication();
        private RateLimiter rateLimiter;
        private String bearer = StubAuthentication.TOKEN;
        private boolean metricsOnOwnPort;
        private final List<Function<CoachKit, RouteModule>> modules = new ArrayList<>();
        private final List<ReadinessProbe> probes = new ArrayList<>();

        public Builder settings(UnaryOperator<HttpSettings> change) {
            this.settings = change;
            return this;
        }

        public Builder routes(RouteModule module) {
            modules.add(core -> module);
            return this;
        }

        /** Routes over the server's own in-memory core, such as the production route modules. */
        public Builder routesOf(Function<CoachKit, RouteModule> module) {
            modules.add(module);
            return this;
        }

        /** Verifies tokens with {@code authenticate}; {@code null} gives the server none (protected routes answer 401). */
        public Builder authentication(AuthenticateUseCase authenticate) {
            this.authentication = authenticate;
            return this;
        }

        public Builder rateLimiter(RateLimiter limiter) {
            this.rateLimiter = limiter;
            return this;
        }

        /** The token sent when a request has no Authorization header; {@code null} sends none. */
        public Builder bearer(String token) {
            this.bearer = token;
            return this;
        }

        /** Serves {@code /metrics} on a free port of its own (see {@link HttpServer#metricsPort()}). */
        public Builder metricsOnOwnPort() {
            this.metricsOnOwnPort = true;
            return this;
        }

        public Builder probe(ReadinessProbe probe) {
            probes.add(probe);
            return this;
        }

        public TestServer start() {
            CoachKitBuilder core = CoachKit.builder().withInMemoryAdapters();
            probes.forEach(core::readinessProbe);
            CoachKit kit = core.build();
            kit.start();
            HttpSettings base = HttpSettings.defaults().withHost("127.0.0.1").withPort(0);
            HttpServer.Builder http = HttpServer.builder(kit, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                    .settings(settings.apply(base))
                    .routes(modules.stream().map(module -> module.apply(kit)).toList());
            if (authentication != null) {
                http.authentication(authentication);
            }
            if (rateLimiter != null) {
                http.rateLimiter(rateLimiter);
            }
            if (metricsOnOwnPort) {
                http.metricsOnPort(0);
            }
            return new TestServer(http.start(), kit, bearer);
        }
    }
}
