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
 *
 * <p>An endpoint loaded from a request file warms up in slices until its throughput stops rising:
 * on this 2-core machine the JIT compiles a path while wrk, PostgreSQL and 64 request threads compete
 * with it, and the feed went from 313 to 528 requests/s (4.7 to 1.9 ms of server CPU each) over six
 * runs of 20 s in a row. A run measured before that measures the compiler, not the server.
 */
final class EndpointLoad {

    /** A warm-up slice no more than this much faster than the best before it ends the warm-up. */
    private static final double STILL_RISING = 1.05;
    private static final int FEWEST_WARM_UP_SLICES = 3;

    /**
     * The measured run, what the server spent on it, what the whole machine spent on it (wrk,
     * PostgreSQL and Redis included), and how long its warm-up took.
     */
    record Measured(String name, int connections, Result http, double cpuMillisPerRequest,
            double machineCpuMillisPerRequest, double statementsPerRequest, int warmUpSeconds) {}

    private final BenchServer server;
    private final Path workDir;
    private final int warmUpSeconds;
    private final int maxWarmUpSlices;
    private final int seconds;
    private final int linesPerRound;

    /**
     * @param warmUpSeconds one warm-up slice
     * @param maxWarmUpSlices the most slices an endpoint loaded from a request file warms up for
     */
    EndpointLoad(BenchServer server, Path workDir, int warmUpSeconds, int maxWarmUpSlices, int seconds,
            int linesPerRound) {
        this.server = server;
        this.workDir = workDir;
        this.warmUpSeconds = warmUpSeconds;
        this.maxWarmUpSlices = maxWarmUpSlices;
        this.seconds = seconds;
        this.linesPerRound = linesPerRound;
    }

    /** Loads an endpoint whose requests come from a prepared file, {@code connections} at a time. */
    Measured requests(Endpoint endpoint, int connections) throws IOException, InterruptedException {
        int warmedUp = warmUp(endpoint, connections);
        Path measured = BenchEndpoints.write(endpoint, BenchEndpoints.MEASURE, linesPerRound,
                workDir.resolve("measure.tsv"));
        return measure(endpoint.name(), WrkRun.REQUESTS, measured, connections, warmedUp);
    }

    /**
     * Loads {@code POST /auth/refresh}, each connection's chain of refresh tokens from its own sign-in.
     * A chain cannot be replayed, so its warm-up is one slice, after the other endpoints warmed the
     * stack it shares with them.
     */
    Measured refresh(String name, Path warmUpTokens, Path measuredTokens, int connections)
            throws IOException, InterruptedException {
        WrkRun.run(server.port(), WrkRun.REFRESH, warmUpTokens, connections, warmUpSeconds, workDir);
        return measure(name, WrkRun.REFRESH, measuredTokens, connections, warmUpSeconds);
    }

    /** Slices of warm-up, each with requests of its own, until one is not 5 % faster than the best before it. */
    private int warmUp(Endpoint endpoint, int connections) throws IOException, InterruptedException {
        double best = 0;
        int slice = 0;
        while (slice < maxWarmUpSlices) {
            Path requests = BenchEndpoints.write(endpoint, BenchEndpoints.warmUpRound(slice), linesPerRound,
                    workDir.resolve("warm-up.tsv"));
            double rate = WrkRun.run(server.port(), WrkRun.REQUESTS, requests, connections, warmUpSeconds, workDir)
                    .perSecond();
            slice++;
            System.out.printf("%s, warm-up slice %d: %,.0f req/s%n", endpoint.name(), slice, rate);
            if (slice >= FEWEST_WARM_UP_SLICES && rate < best * STILL_RISING) {
                break;
            }
            best = Math.max(best, rate);
        }
        return slice * warmUpSeconds;
    }

    private Measured measure(String name, String script, Path measured, int connections, int warmedUpSeconds)
            throws IOException, InterruptedException {
        double cpuBefore = server.cpuSeconds();
        MachineCpu.Reading machineBefore = MachineCpu.read();
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
        double machineCpuSeconds = MachineCpu.secondsBetween(machineBefore, MachineCpu.read());
        // the statement counter is read over HTTP, which sends no SQL itself
        long statements = server.statementsSent() - statementsBefore;
        long requests = Math.max(1, result.requests());
        Measured run = new Measured(name, connections, result, cpuSeconds * 1000 / requests,
                machineCpuSeconds * 1000 / requests, (double) statements / requests, warmedUpSeconds);
        System.out.printf("%s (measured %s to %s): %,.0f req/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms,"
                        + " %,d failed, %.2f ms CPU (%.2f ms of the machine's) and %.2f statements per request%n", name,
                measuredFrom, Instant.now(), result.perSecond(), result.p50Micros() / 1000.0, result.p99Micros() / 1000.0,
                result.p999Micros() / 1000.0, result.failures(), run.cpuMillisPerRequest(),
                run.machineCpuMillisPerRequest(), run.statementsPerRequest());
        return run;
    }
}
