package dev.coachkit.adapters.http.operations;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /metrics} on a port of its own ({@code COACHKIT_METRICS_PORT}), for a scraper on the private
 * network: the public port then answers 404 for it, so request counts, pool sizes and error rates are not
 * told to anyone on the internet. The Prometheus client's own HTTP server serves the same registry.
 */
public final class MetricsListener implements AutoCloseable {

    private final HTTPServer server;

    private MetricsListener(HTTPServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code host:port} ({@code 0} picks a free port).
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static MetricsListener start(String host, int port, PrometheusMeterRegistry registry) {
        try {
            return new MetricsListener(HTTPServer.builder().hostname(host).port(port)
                    .registry(registry.getPrometheusRegistry()).buildAndStart());
        } catch (IOException e) {
            throw new UncheckedIOException("the metrics listener could not open port " + port, e);
        }
    }

    /** The port scrapers use; the chosen one when port 0 was asked for. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
