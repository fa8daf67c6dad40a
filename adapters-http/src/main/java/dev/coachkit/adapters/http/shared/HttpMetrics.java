package dev.coachkit.adapters.http.shared;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every request into {@code http.server.requests}, tagged by method, route template, status
 * and outcome. The route template (not the raw path) keeps the number of series bounded.
 */
public final class HttpMetrics {

    public static final String METRIC = "http.server.requests";
    private static final String START = "coachkit.requestStart";

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void start(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    public void stop(Context ctx) {
        Long started = ctx.attribute(START);
        if (started == null) {
            return;
        }
        int status = ctx.statusCode();
        Timer.builder(METRIC)
                .description("HTTP requests served, by route template")
                .tag("method", ctx.method().name())
                .tag("uri", route(ctx))
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /**
     * The route template that matched ({@code /spaces/{spaceId}}), never the raw path, which can carry ids
     * without bound and secrets such as invitation tokens.
     */
    public static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) {
            return matched.path;
        }
        return ctx.statusCode() == 404 ? "NOT_FOUND" : "UNMATCHED";
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        return status >= 300 ? "REDIRECTION" : "SUCCESS";
    }
}
