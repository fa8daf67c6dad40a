package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.testing.TestServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged jar run as an operating-system process, the way operators run it
 * ({@code java -jar bootstrap/target/coachkit.jar COMMAND}), with its output kept in a log file.
 */
final class JarProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "coachkit.jar");
    private static final Duration START_BUDGET = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path log;

    private JarProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -jar coachkit.jar args...} with exactly {@code environment} as its COACHKIT_* settings. */
    static JarProcess start(String name, Path logDirectory, Map<String, String> environment, String... args) {
        Path log = logDirectory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(java(), "-jar", JAR.toString()),
                Stream.of(args)).toList())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("COACHKIT_"));
        builder.environment().putAll(environment);
        try {
            return new JarProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * Starts {@code serve} in single-node mode on {@code port} with {@code dataDir}; output is appended to
     * {@code server.log} in {@code workDir}, so a restart keeps the earlier run's lines.
     */
    static JarProcess serve(Path workDir, int port, Path dataDir) {
        return start("server", workDir, Map.of("COACHKIT_PORT", Integer.toString(port),
                "COACHKIT_DATA_DIR", dataDir.toString()), "serve");
    }

    /** Waits until {@code GET /health} on {@code port} answers 200, failing early if the process dies. */
    JarProcess awaitHealthy(int port) {
        HttpProbe http = new HttpProbe(port);
        Instant deadline = Instant.now().plus(START_BUDGET);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("%s alive; its log:%n%s", name, log()).isTrue();
            try {
                if (http.get("/health").statusCode() == 200) {
                    return this;
                }
            } catch (IllegalStateException notYetListening) {
                // still starting
            }
            pause();
        }
        throw new AssertionError(name + ": /health did not answer within " + START_BUDGET + "; log:\n" + log());
    }

    /** Waits until the log has a line containing {@code text}, failing early if the process dies. */
    JarProcess awaitLog(String text) {
        Instant deadline = Instant.now().plus(START_BUDGET);
        while (!log().contains(text)) {
            assertThat(process.isAlive()).as("%s alive; its log:%n%s", name, log()).isTrue();
            assertThat(Instant.now()).as("%s logged '%s'; log:%n%s", name, text, log()).isBefore(deadline);
            pause();
        }
        return this;
    }

    /** The operating-system id of the process: the JVM that runs the jar. */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> logLines() {
        return log().lines().toList();
    }

    /** SIGTERM, as an orchestrator stops a process, and waits for the graceful exit. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not exit within 60 s of SIGTERM; log:\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    /** SIGKILL, as the kernel's OOM killer or a pulled plug ends a process: no shutdown hook runs. */
    int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " still alive 10 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    /** Kills what is left of the process, e.g. after a failed test. */
    @Override
    public void close() {
        process.destroyForcibly();
    }

    static int freePort() {
        return TestServices.freeLoopbackPort();
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
