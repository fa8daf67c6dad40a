package dev.coachkit.adapters.http.operations;

import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.shared.port.in.CheckReadinessUseCase;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Liveness, readiness and Prometheus metrics: unauthenticated, for orchestrators and scrapers. Metrics are
 * left out when a {@link MetricsListener} serves them on a port of their own.
 */
public final class OperationsRoutes implements RouteModule {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String TAG = "Operations";

    private final CheckReadinessUseCase readiness;
    private final PrometheusMeterRegistry registry;
    private final boolean servesMetrics;

    public OperationsRoutes(CheckReadinessUseCase readiness, PrometheusMeterRegistry registry, boolean servesMetrics) {
        this.readiness = readiness;
        this.registry = registry;
        this.servesMetrics = servesMetrics;
    }

    @Override
    public List<ApiRoute> routes() {
        List<ApiRoute> routes = new ArrayList<>(List.of(
                ApiRoute.get("/health").operationId("getHealth").tag(TAG).publicAccess()
                        .summary("Liveness: the process answers")
                        .json(200, "The process is alive", HealthResponse.class)
                        .handle(ctx -> ctx.json(HealthResponse.UP)),
                ApiRoute.get("/ready").operationId("getReadiness").tag(TAG).publicAccess()
                        .summary("Readiness: every dependency is usable")
                        .json(200, "Every dependency is up", ReadinessResponse.class)
                        .json(503, "At least one dependency is down", ReadinessResponse.class)
                        .handle(ctx -> {
                            ReadinessResponse response = ReadinessResponse.from(readiness.check());
                            ctx.status(response.status() == ReadinessResponse.Status.UP ? 200 : 503).json(response);
                        })));
        if (servesMetrics) {
            routes.add(ApiRoute.get("/metrics").operationId("getMetrics").tag(TAG).publicAccess()
                    .summary("Prometheus metrics")
                    .responds(ApiResponse.content(200, "Metrics in the Prometheus text format", "text/plain"))
                    .handle(ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape())));
        }
        return routes;
    }
}
