package dev.coachkit.bootstrap.bench;

import dev.coachkit.bootstrap.PrometheusSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server as the benchmark runs it: an operating-system process whose CPU time
 * ({@link ProcessHandle}), resident memory ({@code /proc}) and SQL statement counter ({@code /metrics})
 * are read from outside it, so that nothing of the load generators is counted.
 */
final class BenchServer implements AutoCloseable {

    /** The server's JVM options, the same in every run so that memory figures compare. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx400m", "-XX:+UseG1GC");
    private static final Path JAR = Path.of("target", "coachkit.jar");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private long peakRssKib;

    private BenchServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code java -jar coachkit.jar serve} with exactly {@code environment} as its settings. */
    static BenchServer start(int port, Map<String, String> environment, Path log) {
        return start(port, environment, log, List.of());
    }

    /** The same, with {@code moreJvmOptions} (a flight recording) after {@link #JVM_OPTIONS}. */
    static BenchServer start(int port, Map<String, String> environment, Path log, List<String> moreJvmOptions) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(moreJvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("COACHKIT_"));
        builder.environment().putAll(environment);
        builder.environment().put("COACHKIT_PORT", Integer.toString(port));
        try {
            return new BenchServer(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server", e);
        }
    }

    /** Waits until {@code path} answers 200; the time it took since {@code startedAtNanos}. */
    Duration awaitReady(String path, long startedAtNanos, Duration budget) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (get(path).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedAtNanos);
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new IllegalStateException(path + " did not answer 200 within " + budget + "; see " + log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the server process has used so far (user and system), in seconds. */
    double cpuSeconds() {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException(
                "no CPU time of process " + pid())).toNanos() / 1e9;
    }

    /** Resident memory now, remembered as the peak when it is the highest seen. */
    long sampleRssKib() {
        for (String line : read(Path.of("/proc", Long.toString(pid()), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                long rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                peakRssKib = Math.max(peakRssKib, rss);
                return rss;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid());
    }

    long peakRssKib() {
        return peakRssKib;
    }

    /** {@code coachkit_sql_statements_total} as the server reports it. */
    long statementsSent() {
        return (long) PrometheusSamples.scrape(port).sum("coachkit_sql_statements_total");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM and the graceful exit. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not exit within 60 s of SIGTERM; see " + log);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
