package dev.coachkit.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One load of {@code wrk} (Debian's package) against the server: a script and its prepared input
 * file, a fixed number of connections, for a fixed time.
 */
final class WrkRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESULT_PREFIX = "WRK-RESULT ";
    private static final int THREADS = 2;

    private WrkRun() {}

    /** What wrk saw: completed requests, how long, latency percentiles (µs) and answers by status. */
    record Result(long requests, double seconds, long p50Micros, long p99Micros, long p999Micros, long maxMicros,
            long socketErrors, Map<Integer, Long> statuses) {

        double perSecond() {
            return requests / seconds;
        }

        /** Answers outside 2xx, and requests that got no answer at all. */
        long failures() {
            return socketErrors + statuses.entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() > 299)
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** The wrk script that sends the requests of a {@link RequestFile}, one per line. */
    static final String REQUESTS = "requests.lua";
    /** The wrk script that refreshes sessions, each answer's refresh token presented next. */
    static final String REFRESH = "refresh.lua";

    /** Runs {@code script} (one of the constants) with {@code input}, its file of lines. */
    static Result run(int port, String script, Path input, int connections, int seconds, Path workDir)
            throws IOException, InterruptedException {
        Path lua = workDir.resolve(script);
        Files.writeString(lua, resource("report.lua") + "\n" + resource(script), StandardCharsets.UTF_8);
        Process wrk = new ProcessBuilder(List.of("wrk", "-t" + THREADS, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", lua.toString(), "http://127.0.0.1:" + port, "--",
                input.toString(), Integer.toString(THREADS))).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        String line = output.lines().filter(l -> l.startsWith(RESULT_PREFIX)).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + output));
        return parse(line.substring(RESULT_PREFIX.length()));
    }

    private static String resource(String name) throws IOException {
        try (InputStream lua = WrkRun.class.getResourceAsStream("/bench/" + name)) {
            if (lua == null) {
                throw new IllegalStateException("bench/" + name + " is missing from the test resources");
            }
            return new String(lua.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Result parse(String json) {
        try {
            JsonNode result = JSON.readTree(json);
            Map<Integer, Long> statuses = new TreeMap<>();
            result.path("statuses").fields().forEachRemaining(e -> statuses.put(Integer.parseInt(e.getKey()),
                    e.getValue().asLong()));
            long socketErrors = result.path("connectErrors").asLong() + result.path("readErrors").asLong()
                    + result.path("writeErrors").asLong() + result.path("timeouts").asLong();
            return new Result(result.path("requests").asLong(), result.path("durationMicros").asLong() / 1e6,
                    result.path("p50").asLong(), result.path("p99").asLong(), result.path("p999").asLong(),
                    result.path("max").asLong(), socketErrors, statuses);
        } catch (IOException e) {
            throw new UncheckedIOException("not wrk's result: " + json, e);
        }
    }

    /** Checks that wrk is installed, with a message saying how to install it. */
    static void requireInstalled() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            probe.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: apt-get install wrk", e);
        }
    }
}
