package dev.coachkit.bootstrap;

import dev.coachkit.bootstrap.ServerVitals.Descriptors;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What one run of {@link SoakIT} measured, as the table it prints and {@code docs/reliability.md} quotes. */
record SoakFigures(int clients, Duration measured, LoadTally maximum, Duration serverCpu, Duration driverCpu,
        double rate, Duration soaked, LoadTally soak, long heapBefore, long heapAfter, long heapLimit,
        Descriptors before, Descriptors after, Sessions sessions) {

    /** The server's sessions in PostgreSQL after the soak, by role, with the most its pools allow. */
    record Sessions(long runtime, long runtimeMax, long worker, long workerMax, long listeners,
            long idleInTransaction) {}

    private static final long KIB = 1024;

    String table() {
        return String.join("\n", List.of("| figure | value |", "|---|---|",
                format("| maximum (closed loop, %d clients, %d s) | %.1f answers/s; latency %s; CPU used meanwhile:"
                        + " server %.1f s, test JVM %.1f s, on %d cores |", clients, measured.toSeconds(),
                        maximum.answeredPerSecond(), maximum.latencies(), serverCpu.toMillis() / 1e3,
                        driverCpu.toMillis() / 1e3, Runtime.getRuntime().availableProcessors()),
                format("| soak (open loop, %d s) | %.1f requests/s scheduled, %.1f answered/s: %d answered, %d not"
                        + " sent on time; latency %s |", soaked.toSeconds(), rate, soak.answeredPerSecond(),
                        soak.answered(), soak.notSent(), soak.latencies()),
                "| soak answers by status | " + soak.byOutcome() + " |",
                "| soak answers by kind | " + soak.byKind() + " |",
                format("| heap after a full GC | %,d KiB at the start, %,d KiB at the end (%+,d KiB, %+.1f bytes per"
                        + " answered request; at most %,d KiB allowed) |", heapBefore / KIB, heapAfter / KIB,
                        (heapAfter - heapBefore) / KIB, (heapAfter - heapBefore) / (double) soak.answered(),
                        heapLimit / KIB),
                "| open descriptors | start " + before + "; end " + after + " |",
                format("| PostgreSQL sessions after the soak | runtime role %d (pool max %d), worker role %d (pool max"
                        + " %d + %d listener), idle in a transaction %d |", sessions.runtime(), sessions.runtimeMax(),
                        sessions.worker(), sessions.workerMax(), sessions.listeners(), sessions.idleInTransaction())));
    }

    private static String format(String template, Object... values) {
        return String.format(Locale.ROOT, template, values);
    }
}
