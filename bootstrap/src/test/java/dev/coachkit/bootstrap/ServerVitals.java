package dev.coachkit.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server process seen from outside, as an operator would look at it on Linux: the heap its live objects hold
 * after a full collection (forced with {@code jcmd PID GC.run}, read from its own {@code /metrics}), and its open
 * file descriptors by kind ({@code /proc/PID/fd}, sockets matched to their ports through {@code /proc/PID/net}).
 */
final class ServerVitals {

    /** The process's descriptors: connections to it, to PostgreSQL, to Redis, other sockets, and the rest. */
    record Descriptors(int total, int httpClients, int postgres, int redis, int otherSockets) {

        /** Everything but the HTTP clients' connections, which come and go with the clients' keep-alive pools. */
        int ownResources() {
            return total - httpClients;
        }

        @Override
        public String toString() {
            return total + " (HTTP clients " + httpClients + ", PostgreSQL " + postgres + ", Redis " + redis
                    + ", other sockets " + otherSockets + ", files and pipes "
                    + (total - httpClients - postgres - redis - otherSockets) + ")";
        }
    }

    /** A socket's ports and TCP state as {@code /proc/net/tcp} lists it ({@code 0A} is listening). */
    private record Socket(int localPort, int remotePort, String state) {}

    private static final String LISTENING = "0A";

    private final long pid;
    private final int httpPort;

    ServerVitals(long pid, int httpPort) {
        this.pid = pid;
        this.httpPort = httpPort;
    }

    /** Runs a full garbage collection in the server's JVM and answers the heap in use right after it, in bytes. */
    long heapAfterFullGc() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .start();
            String output = new String(gc.getInputStream().readAllBytes());
            if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                throw new AssertionError("jcmd " + pid + " GC.run failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return (long) PrometheusSamples.scrape(httpPort).sum("jvm_memory_used_bytes", "area=\"heap\"");
    }

    /** The CPU time, user and system, that process {@code pid} has used so far. */
    static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
                .orElseThrow(() -> new AssertionError("no CPU time of process " + pid));
    }

    /** The process's open descriptors; sockets whose peer port is {@code postgresPort} or {@code redisPort} by name. */
    Descriptors descriptors(int postgresPort, int redisPort) {
        Map<String, Socket> sockets = new HashMap<>();
        for (String table : List.of("tcp", "tcp6")) {
            sockets.putAll(sockets(proc("net", table)));
        }
        int total = 0;
        int httpClients = 0;
        int postgres = 0;
        int redis = 0;
        int otherSockets = 0;
        try (Stream<Path> descriptors = Files.list(proc("fd"))) {
            for (Path descriptor : descriptors.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(descriptor).toString();
                } catch (NoSuchFileException closedMeanwhile) {
                    continue;
                }
                total++;
                if (!target.startsWith("socket:[")) {
                    continue;
                }
                Socket socket = sockets.get(target.substring("socket:[".length(), target.length() - 1));
                if (socket != null && socket.localPort() == httpPort && !socket.state().equals(LISTENING)) {
                    httpClients++;
                } else if (socket != null && socket.remotePort() == postgresPort) {
                    postgres++;
                } else if (socket != null && socket.remotePort() == redisPort) {
                    redis++;
                } else {
                    otherSockets++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Descriptors(total, httpClients, postgres, redis, otherSockets);
    }

    private Path proc(String... more) {
        return Path.of("/proc/" + pid, more);
    }

    /** The TCP sockets of a {@code /proc/net/tcp}-style table by inode. */
    private static Map<String, Socket> sockets(Path table) {
        Map<String, Socket> byInode = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) { // after the heading
                String[] fields = line.trim().split("\\s+");
                byInode.put(fields[9], new Socket(port(fields[1]), port(fields[2]), fields[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byInode;
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }
}
