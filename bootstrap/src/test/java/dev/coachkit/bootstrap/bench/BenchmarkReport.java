package dev.coachkit.bootstrap.bench;

import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import dev.coachkit.bootstrap.bench.RelayBenchmark.Options;
import dev.coachkit.bootstrap.bench.RelayPhases.Latency;
import dev.coachkit.bootstrap.bench.RelayPhases.Throughput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Writes the "Outbox relay" section of docs/benchmarks.md: how, where and what was measured, against the targets. */
final class BenchmarkReport {

    static final String HEADING = "## Outbox relay";
    static final double THROUGHPUT_TARGET = 2_000;
    static final double P99_TARGET_MILLIS = 200;

    private final Machine machine;
    private final Options options;
    private final String postgresOrigin;
    private final String postgresVersion;
    private final String sqsOrigin;

    BenchmarkReport(Machine machine, Options options, String postgresOrigin, String postgresVersion, String sqsOrigin) {
        this.machine = machine;
        this.options = options;
        this.postgresOrigin = postgresOrigin;
        this.postgresVersion = postgresVersion;
        this.sqsOrigin = sqsOrigin;
    }

    /** Where and when the benchmark ran; described before it starts, with the load other processes put on the machine. */
    record Machine(String date, String cpus, String cpuModel, String memory, String loadAverage, String java, String os,
            String commit) {

        static Machine describe() {
            String commit = run("git", "rev-parse", "--short", "HEAD").orElse("unknown");
            if (!run("git", "status", "--porcelain").orElse("").isBlank()) {
                commit += " (working tree with uncommitted changes)";
            }
            return new Machine(
                    ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                    run("nproc").orElse(String.valueOf(Runtime.getRuntime().availableProcessors())),
                    procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).strip())
                            .orElse(System.getProperty("os.arch")),
                    procLine("/proc/meminfo", "MemTotal").map(Machine::gibibytes).orElse("unknown"),
                    currentLoadAverage(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    commit);
        }

        /** The 1, 5 and 15 minute load averages. */
        static String currentLoadAverage() {
            return read("/proc/loadavg").map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 3)))
                    .orElse("unknown");
        }

        private static String gibibytes(String memTotalLine) {
            long kibibytes = Long.parseLong(memTotalLine.replaceAll("[^0-9]", ""));
            return String.format(Locale.ROOT, "%.1f GiB", kibibytes / 1024.0 / 1024.0);
        }
    }

    String section(Throughput oneRelay, Throughput twoRelays, Latency latency) {
        List<String> lines = new ArrayList<>(List.of(
                HEADING,
                "",
                "Relay throughput (events/s from `outbox_events` into the SQS-compatible server) and end-to-end latency",
                "(commit of the producing unit of work → the consumer's unit of work committed, through the relay, the",
                "queue and `SqsEventConsumer`). Produced by `bench/relay.sh`; see `bench/README.md` for the method.",
                "Each phase starts from an empty `outbox_events` table (truncated by the owner).",
                "",
                "- Date: " + machine.date(),
                "- Command: `" + command() + "`",
                "- Commit: " + machine.commit(),
                "- Machine: " + machine.cpus() + " CPUs (" + machine.cpuModel() + "), " + machine.memory()
                        + " memory; " + machine.os() + "; load average (1/5/15 min) " + machine.loadAverage()
                        + " before the run, " + Machine.currentLoadAverage() + " after (other processes share the machine)",
                "- Java: " + machine.java() + " (benchmark, relay, consumer and ElasticMQ share one JVM)",
                "- PostgreSQL: " + postgresVersion + ", " + postgresOrigin,
                "- SQS: " + sqsOrigin + ", in the benchmark's JVM",
                "",
                "| measure | result | target | met |",
                "|---|---|---|---|",
                throughputRow(oneRelay),
                throughputRow(twoRelays),
                latencyRow("p50", Latency.percentileMillis(latency.endToEnd(), 50), latency, null),
                latencyRow("p99", Latency.percentileMillis(latency.endToEnd(), 99), latency, P99_TARGET_MILLIS),
                latencyRow("max", Latency.percentileMillis(latency.endToEnd(), 100), latency, null),
                "",
                String.format(Locale.ROOT, "Latency run: %,d events produced at %.1f events/s (asked %d/s) over %d"
                        + " tenants, %,d handled, %d failed relay rounds. Of the latency, commit → accepted by SQS"
                        + " (the relay's part): p50 %.1f ms, p99 %.1f ms. Share of the relay threads' time in SQS"
                        + " calls during the throughput runs: %.0f%% (1 relay), %.0f%% (2 relays).",
                        latency.produced(), latency.achievedRate(), latency.rate(), options.tenants(),
                        latency.handled(), latency.relayFailures(), Latency.percentileMillis(latency.toQueue(), 50),
                        Latency.percentileMillis(latency.toQueue(), 99), oneRelay.publishShare() * 100,
                        twoRelays.publishShare() * 100)));
        if (!oneRelay.complete() || !twoRelays.complete()) {
            lines.add("");
            lines.add("**Incomplete throughput run:** " + oneRelay + "; " + twoRelays + ".");
        }
        if (latency.handled() < latency.produced()) {
            lines.add("");
            lines.add(String.format("**%d events were not handled within %d s of the last commit.**",
                    latency.produced() - latency.handled(), RelayPhases.DRAIN_TIMEOUT.toSeconds()));
        }
        if (latency.achievedRate() < latency.rate() * 0.95) {
            lines.add("");
            lines.add("**The producer fell behind the asked rate**, so the latency was measured under a lower load.");
        }
        lines.add("");
        return String.join("\n", lines);
    }

    private String throughputRow(Throughput run) {
        return String.format(Locale.ROOT, "| throughput, %d relay thread%s (%,d events, %d tenants) | %,.0f events/s"
                        + " (%.2f s) | ≥ %,.0f events/s | %s |", run.relays(), run.relays() == 1 ? "" : "s", run.events(),
                options.tenants(), run.eventsPerSecond(), run.seconds(), THROUGHPUT_TARGET,
                met(run.complete() && run.eventsPerSecond() >= THROUGHPUT_TARGET));
    }

    private static String latencyRow(String name, double millis, Latency latency, Double targetMillis) {
        return String.format(Locale.ROOT, "| end-to-end latency %s at %d events/s for %d s | %.1f ms | %s | %s |", name,
                latency.rate(), latency.seconds(), millis, targetMillis == null ? "—" : "< " + targetMillis.intValue()
                        + " ms", targetMillis == null ? "—" : met(latency.handled() == latency.produced()
                        && millis < targetMillis));
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    /** The command as run: bench/relay.sh passes it; the database URL is shown without its password. */
    private String command() {
        String command = System.getProperty("coachkit.bench.command", "RelayBenchmark (run directly)");
        String databaseUrl = System.getenv("COACHKIT_TEST_DATABASE_URL");
        return databaseUrl == null || databaseUrl.isBlank() ? command
                : "COACHKIT_TEST_DATABASE_URL=" + PostgresUrl.parse(databaseUrl.strip()) + " " + command;
    }

    static String postgresVersion(PostgresUrl owner) {
        try (Connection connection = DriverManager.getConnection(owner.jdbcUrl());
             ResultSet result = connection.createStatement().executeQuery("SHOW server_version")) {
            result.next();
            return "PostgreSQL " + result.getString(1);
        } catch (SQLException e) {
            return "PostgreSQL (version unknown: " + e.getMessage() + ")";
        }
    }

    /** Replaces the section under {@code heading} (up to the next "## " heading), or appends it. */
    static void writeSection(Path file, String heading, String section) throws IOException {
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>(List.of("# Benchmarks", "",
                        "Reproducible measurements; each section names its command, machine and commit.", ""));
        int start = lines.indexOf(heading);
        List<String> replacement = List.of(section.split("\n", -1));
        if (start < 0) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.addAll(replacement);
        } else {
            int end = start + 1;
            while (end < lines.size() && !lines.get(end).startsWith("## ")) {
                end++;
            }
            lines.subList(start, end).clear();
            lines.addAll(start, replacement);
        }
        while (lines.size() > 1 && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static Optional<String> run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<String> read(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> procLine(String path, String key) {
        try (Stream<String> lines = Files.lines(Path.of(path))) {
            return lines.filter(line -> line.startsWith(key)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
