package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The packaged jar run as users run it ({@code java -jar coachkit.jar serve}), its output kept in a log file. */
final class JarProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "coachkit.jar");
    private static final Duration FIRST_START_BUDGET = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code serve} in single-node mode on {@code port} with {@code dataDir}; output is appended to
     * {@code server.log} in {@code workDir}, so a restart keeps the earlier run's lines.
     */
    static JarProcess serve(Path workDir, int port, Path dataDir) throws IOException {
        Path log = workDir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString(), "serve")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("COACHKIT_PORT", Integer.toString(port));
        builder.environment().put("COACHKIT_DATA_DIR", dataDir.toString());
        return new JarProcess(builder.start(), log);
    }

    Process process() {
        return process;
    }

    /** Polls {@code /health} until it answers 200; fails with the log when the process dies or time runs out. */
    void awaitHealthy(HttpProbe http) throws InterruptedException {
        Instant deadline = Instant.now().plus(FIRST_START_BUDGET);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("server process alive; log:%n%s", log()).isTrue();
            try {
                if (http.get("/health").statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // the server is still starting
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("/health did not answer within " + FIRST_START_BUDGET + "; log:\n" + log());
    }

    /** Waits until {@code text} appears in the log, e.g. an e-mail that single-node mode writes there. */
    void awaitLog(String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!log().contains(text)) {
            assertThat(Instant.now()).as("%s logged; log:%n%s", text, log()).isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the process if a test left it running; a test that checks a clean stop sends SIGTERM itself. */
    @Override
    public void close() {
        process.destroyForcibly();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
