package dev.coachkit.adapters.storage.probe;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program directly (no shell, so no argument is ever interpreted) with a time limit, its
 * output collected in files so a chatty program can never block on a full pipe.
 */
final class ExternalCommand {

    private static final File NO_INPUT = new File("/dev/null");

    /** What a finished program left: its exit code and its output. */
    record Outcome(int exitCode, String stdout, String stderr) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private ExternalCommand() {}

    /**
     * Runs {@code command}; empty when the program is not installed.
     *
     * @throws IllegalStateException when it runs longer than {@code timeout} or the waiting thread is
     *                               interrupted; either way the program is killed
     */
    static Optional<Outcome> run(List<String> command, Duration timeout) {
        Path stdout = null;
        Path stderr = null;
        Process process = null;
        try {
            stdout = Files.createTempFile("coachkit-cmd", ".out");
            stderr = Files.createTempFile("coachkit-cmd", ".err");
            try {
                process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT)).start();
            } catch (IOException notInstalled) {
                return Optional.empty();
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return Optional.of(new Outcome(process.exitValue(), Files.readString(stdout), Files.readString(stderr)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command.get(0) + " was interrupted", interrupted);
        } finally {
            // an overrun, an interrupt or any failure while waiting must not leave the program running
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
