package dev.coachkit.application.events;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How the event runtime runs: the relay's poll interval (it also wakes on the commit signal) and retry
 * policy, the scheduler's intervals and reminder offsets, and where its loops run — threads of the
 * core's own (named {@code coachkit-…}, joined on stop) unless the host passes an {@link Executor},
 * which must give each loop a thread of its own for as long as the core runs.
 *
 * @param executor null: the core starts threads of its own
 */
public record RuntimeSettings(Duration relayPollInterval, RetryPolicy retries, Duration maintenanceInterval,
        Duration reminderInterval, List<Duration> reminderOffsets, Executor executor, RuntimeMonitor monitor) {

    public RuntimeSettings {
        positive(relayPollInterval, "relayPollInterval");
        Objects.requireNonNull(retries, "retries");
        positive(maintenanceInterval, "maintenanceInterval");
        positive(reminderInterval, "reminderInterval");
        reminderOffsets = List.copyOf(reminderOffsets);
        Objects.requireNonNull(monitor, "monitor");
    }

    /** Poll every second, the default retries, maintenance every 5 minutes, reminders 24 h and 1 h ahead checked every minute. */
    public static RuntimeSettings defaults() {
        return new RuntimeSettings(Duration.ofSeconds(1), RetryPolicy.defaults(), Duration.ofMinutes(5),
                Duration.ofMinutes(1), List.of(Duration.ofHours(24), Duration.ofHours(1)), null, RuntimeMonitor.LOGGING);
    }

    public RuntimeSettings withRelay(Duration pollInterval, RetryPolicy retries) {
        return new RuntimeSettings(pollInterval, retries, maintenanceInterval, reminderInterval, reminderOffsets,
                executor, monitor);
    }

    public RuntimeSettings withScheduler(Duration maintenanceInterval, Duration reminderInterval,
            List<Duration> reminderOffsets) {
        return new RuntimeSettings(relayPollInterval, retries, maintenanceInterval, reminderInterval, reminderOffsets,
                executor, monitor);
    }

    /** Runs the runtime's loops on the host's executor instead of threads of the core's own. */
    public RuntimeSettings withExecutor(Executor executor) {
        return new RuntimeSettings(relayPollInterval, retries, maintenanceInterval, reminderInterval, reminderOffsets,
                Objects.requireNonNull(executor, "executor"), monitor);
    }

    public RuntimeSettings withMonitor(RuntimeMonitor monitor) {
        return new RuntimeSettings(relayPollInterval, retries, maintenanceInterval, reminderInterval, reminderOffsets,
                executor, monitor);
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
