package dev.coachkit.bootstrap.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CPU time the whole machine spent — the server, PostgreSQL, Redis, wrk or pgbench and the kernel
 * together — between two readings of {@code /proc/stat}: what one request or transaction costs the
 * machine, not only the process under test.
 */
final class MachineCpu {

    private static final Path STAT = Path.of("/proc/stat");
    private static final int IDLE = 3;
    private static final int IO_WAIT = 4;
    private static final int GUEST = 8; // guest time is counted in user time already

    /** Busy and total jiffies of all CPUs at one moment. */
    record Reading(long busy, long total, long nanos) {}

    private MachineCpu() {}

    static Reading read() {
        try {
            String cpuLine = Files.readAllLines(STAT).get(0);
            long[] jiffies = Arrays.stream(cpuLine.substring("cpu".length()).trim().split("\\s+"))
                    .mapToLong(Long::parseLong).toArray();
            long total = 0;
            long busy = 0;
            for (int i = 0; i < Math.min(GUEST, jiffies.length); i++) {
                total += jiffies[i];
                if (i != IDLE && i != IO_WAIT) {
                    busy += jiffies[i];
                }
            }
            return new Reading(busy, total, System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU seconds the machine spent from {@code from} to {@code to}: its busy share of all cores over the time. */
    static double secondsBetween(Reading from, Reading to) {
        long total = to.total() - from.total();
        if (total <= 0) {
            return 0;
        }
        double wallSeconds = (to.nanos() - from.nanos()) / 1e9;
        return (double) (to.busy() - from.busy()) / total * Runtime.getRuntime().availableProcessors() * wallSeconds;
    }
}
