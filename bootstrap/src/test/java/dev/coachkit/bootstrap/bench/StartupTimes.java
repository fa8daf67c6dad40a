package dev.coachkit.bootstrap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How long single-node mode takes from {@code java -jar coachkit.jar serve} to {@code /ready}
 * answering 200: cold (an empty data directory: the embedded cluster is created and migrated) and
 * warm (the same directory again after a graceful stop).
 */
final class StartupTimes {

    private static final Duration BUDGET = Duration.ofSeconds(120);

    /** Both start times. */
    record Result(Duration cold, Duration warm) {}

    private StartupTimes() {}

    static Result measure(Path workDir, int port) throws Exception {
        Path dataDir = Files.createDirectories(workDir.resolve("single-node-data"));
        Map<String, String> singleNode = Map.of("COACHKIT_DATA_DIR", dataDir.toString());
        Duration cold = startAndStop(singleNode, port, workDir.resolve("single-node-cold.log"));
        Duration warm = startAndStop(singleNode, port, workDir.resolve("single-node-warm.log"));
        System.out.printf("single-node mode: cold start %.1f s, warm restart %.1f s%n", cold.toMillis() / 1000.0,
                warm.toMillis() / 1000.0);
        return new Result(cold, warm);
    }

    private static Duration startAndStop(Map<String, String> environment, int port, Path log) throws Exception {
        long started = System.nanoTime();
        try (BenchServer server = BenchServer.start(port, environment, log)) {
            Duration ready = server.awaitReady("/ready", started, BUDGET);
            server.stop();
            return ready;
        }
    }
}
