package dev.coachkit.bootstrap.bench;

import dev.coachkit.bootstrap.bench.BenchEndpoints.Endpoint;
import dev.coachkit.bootstrap.bench.WrkRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Puts one endpoint under load on a running server: a warm-up, then the measured run, with the
 * server's CPU time, SQL statements and resident memory read around and during it.
 */
final class EndpointLoad {

    /** The measured run and what the server spent on it. */
    record Measured(String name, int connections, Result http, double cpuMillisPerRequest,
            double statementsPerRequest) {}

    private final BenchServer server;
    private final Path workDir;
    private final int warmUpSeconds;
    private final int seconds;
    private final int linesPerRound;

    EndpointLoad(BenchServer server, Path workDir, int warmUpSeconds, int seconds, int linesPerRound) {
        this.server = server;
        this.workDir = workDir;
        this.warmUpSeconds = warmUpSeconds;
        this.seconds = seconds;
        this.linesPerRound = linesPerRound;
    }

    /** Loads an endpoint whose requests come from a prepared file, {@code connections} at a time. */
    Measured requests(Endpoint endpoint, int connections) throws IOException, InterruptedException {
        Path warmUp = BenchEndpoints.write(endpoint, BenchEndpoints.WARM_UP, linesPerRound,
                workDir.resolve("warm-up.tsv"));
        Path measured = BenchEndpoints.write(endpoint, BenchEndpoints.MEASURE, linesPerRound,
                workDir.resolve("measure.tsv"));
        return load(endpoint.name(), WrkRun.REQUESTS, warmUp, measured, connections);
    }

    /** Loads {@code POST /auth/refresh}, each connection's chain of refresh tokens from its own sign-in. */
    Measured refresh(String name, Path warmUpTokens, Path measuredTokens, int connections)
            throws IOException, InterruptedException {
        return load(name, WrkRun.REFRESH, warmUpTokens, measuredTokens, connections);
    }

    private Measured load(String name, String script, Path warmUp, Path measured, int connections)
            throws IOException, InterruptedException {
        WrkRun.run(server.port(), script, warmUp, connections, warmUpSeconds, workDir);
        double cpuBefore = server.cpuSeconds();
        long statementsBefore = server.statementsSent();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(server::sampleRssKib, 0, 250, TimeUnit.MILLISECONDS);
        Result result;
        Instant measuredFrom = Instant.now();
        try {
            result = WrkRun.run(server.port(), script, measured, connections, seconds, workDir);
        } finally {
            sampler.shutdownNow();
        }
        double cpuSeconds = server.cpuSeconds() - cpuBefore;
        // the statement counter is read over HTTP, which sends no SQL itself
        long statements = server.statementsSent() - statementsBefore;
        long requests = Math.max(1, result.requests());
        Measured run = new Measured(name, connections, result, cpuSeconds * 1000 / requests,
                (double) statements / requests);
        System.out.printf("%s (measured %s to %s): %,.0f req/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms,"
                        + " %,d failed, %.2f ms CPU and %.2f statements per request%n", name, measuredFrom, Instant.now(),
                result.perSecond(), result.p50Micros() / 1000.0, result.p99Micros() / 1000.0,
                result.p999Micros() / 1000.0, result.failures(), run.cpuMillisPerRequest(), run.statementsPerRequest());
        return run;
    }
}
