package dev.coachkit.bootstrap.bench;

import dev.coachkit.bootstrap.bench.ApiBenchmark.Comparison;
import dev.coachkit.bootstrap.bench.ApiBenchmark.Run;
import dev.coachkit.bootstrap.bench.EndpointLoad.Measured;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the "API" section of docs/benchmarks.md: the run's setting, its figures and the targets. */
final class ApiReport {

    static final String HEADING = "## API";
    static final double FEED_SHARE_TARGET = 0.50;
    static final double FEED_P99_TARGET_MILLIS = 25;
    static final double WRITE_SHARE_TARGET = 0.35;
    static final double LOGIN_SHARE_TARGET = 0.80;
    static final double COLD_START_TARGET_SECONDS = 10;
    static final double WARM_START_TARGET_SECONDS = 5;
    static final double RSS_TARGET_MIB = 600;

    private ApiReport() {}

    static String section(BenchmarkReport.Machine machine, Run run) {
        List<String> lines = new ArrayList<>(List.of(HEADING, "",
                "Each endpoint loaded with wrk against the packaged server (`serve`, API only, "
                        + String.join(" ", BenchServer.JVM_OPTIONS) + ") on the machine's PostgreSQL and Redis;"
                        + " each of the first five compared with pgbench replaying the transaction the server sent"
                        + " for one request of it (captured from PostgreSQL's statement log), as the runtime role,"
                        + " with as many connections. Produced by `bench/api.sh`; method in `bench/README.md`.",
                "",
                "- Date: " + machine.date(),
                "- Command: `" + System.getProperty("coachkit.bench.command", "ApiBenchmark (run directly)") + "`",
                "- Commit: " + machine.commit(),
                "- Machine: " + machine.cpus() + " CPUs (" + machine.cpuModel() + "), " + machine.memory()
                        + " memory; load average (1/5/15 min) " + machine.loadAverage() + " before, "
                        + BenchmarkReport.Machine.currentLoadAverage() + " after; wrk, pgbench, the server and"
                        + " PostgreSQL share the machine",
                "- Java: " + machine.java(),
                "- Data set: " + run.dataSet(),
                String.format(Locale.ROOT, "- Each run: a warm-up in slices of %d s until one is less than 5 %% faster"
                        + " than the best before it (at least 3, at most %d; refresh: one), then %d s measured",
                        run.options().warmUpSeconds(), run.options().maxWarmUpSlices(), run.options().seconds()),
                "",
                "| endpoint | connections | warm-up | requests/s | p50 | p99 | p99.9 | failed | server CPU/request |"
                        + " machine CPU/request | SQL statements/request | pgbench baseline (machine CPU/transaction) |"
                        + " share of baseline | target | met |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"));
        for (int i = 0; i < run.endpoints().size(); i++) {
            lines.add(endpointRow(run.endpoints().get(i), i));
        }
        lines.add(row(run.login(), "—", String.format(Locale.ROOT, "%.0f %% of Argon2's %.1f/s (JMH)",
                share(run.login().http().perSecond(), run.argon2PerSecond()) * 100, run.argon2PerSecond()),
                "≥ 80 % of Argon2", met(ok(run.login()) && run.login().http().perSecond()
                        >= LOGIN_SHARE_TARGET * run.argon2PerSecond())));
        lines.add(row(run.refresh(), "—", "—", "—", "—"));
        double rssMib = run.peakRssKib() / 1024.0;
        lines.addAll(List.of("",
                "| measure | result | target | met |",
                "|---|---|---|---|",
                String.format(Locale.ROOT, "| single-node cold start (empty data directory → `/ready` 200) | %.1f s |"
                        + " ≤ 10 s | %s |", seconds(run.startup().cold().toMillis()),
                        met(seconds(run.startup().cold().toMillis()) <= COLD_START_TARGET_SECONDS)),
                String.format(Locale.ROOT, "| single-node warm restart (same directory → `/ready` 200) | %.1f s |"
                        + " ≤ 5 s | %s |", seconds(run.startup().warm().toMillis()),
                        met(seconds(run.startup().warm().toMillis()) <= WARM_START_TARGET_SECONDS)),
                String.format(Locale.ROOT, "| server RSS, peak under load (sampled every 250 ms) | %.0f MiB |"
                        + " ≤ 600 MiB | %s |", rssMib, met(rssMib <= RSS_TARGET_MIB)),
                "",
                "The transactions pgbench replayed (ids the server generated become random UUIDs; booked instants"
                        + " move one hour per transaction):",
                ""));
        for (Comparison comparison : run.endpoints()) {
            lines.add("<details><summary>" + comparison.http().name() + "</summary>");
            lines.add("");
            lines.add("```sql");
            lines.addAll(List.of(comparison.script().strip().split("\n")));
            lines.add("```");
            lines.add("</details>");
            lines.add("");
        }
        return String.join("\n", lines);
    }

    private static String endpointRow(Comparison comparison, int index) {
        Measured http = comparison.http();
        double share = share(http.http().perSecond(), comparison.baseline().tps());
        String baseline = String.format(Locale.ROOT, "%,.0f tx/s (%.2f ms)", comparison.baseline().tps(),
                comparison.baseline().machineCpuMillisPerTransaction());
        String shareText = String.format(Locale.ROOT, "%.0f %%", share * 100);
        boolean healthy = ok(http) && comparison.baseline().failed() == 0;
        return switch (index) {
            case 0 -> row(http, baseline, shareText, "≥ 50 %, p99 ≤ 25 ms", met(healthy && share >= FEED_SHARE_TARGET
                    && http.http().p99Micros() / 1000.0 <= FEED_P99_TARGET_MILLIS));
            case 1, 2, 3 -> row(http, baseline, shareText, "≥ 35 %", met(healthy && share >= WRITE_SHARE_TARGET));
            default -> row(http, baseline, shareText, "—", "—");
        };
    }

    private static String row(Measured run, String baseline, String share, String target, String met) {
        return String.format(Locale.ROOT, "| %s | %d | %d s | %,.0f | %.1f ms | %.1f ms | %.1f ms | %,d | %.2f ms |"
                        + " %.2f ms | %.1f | %s | %s | %s | %s |", run.name(), run.connections(), run.warmUpSeconds(),
                run.http().perSecond(), run.http().p50Micros() / 1000.0, run.http().p99Micros() / 1000.0,
                run.http().p999Micros() / 1000.0, run.http().failures(), run.cpuMillisPerRequest(),
                run.machineCpuMillisPerRequest(), run.statementsPerRequest(), baseline, share, target, met);
    }

    /** No failed request: a fast run of errors is no result. */
    private static boolean ok(Measured run) {
        return run.http().failures() == 0 && run.http().requests() > 0;
    }

    private static double share(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }
}
