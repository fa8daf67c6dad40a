package dev.coachkit.bootstrap.bench;

import dev.coachkit.adapters.messaging.testing.RedisServer;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.application.testing.TestServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real-time streams under load (bench/realtime.sh; see bench/README.md): one API process (the packaged
 * jar, {@link BenchServer}) holds N Server-Sent Events streams of members of one organization (ten per
 * account, the default cap) while posts are written to a public space at R per second; every stream
 * receives every post. Latency is from the moment the benchmark sends a post's request to the moment a
 * stream reads its event, so it includes the request's own work and commit (an upper bound on commit to
 * receipt). Then the streams stay open, idle, and the server's CPU time and resident memory are read.
 */
public final class RealtimeBenchmark {

    static final String HEADING = "## Real-time streams";
    static final double P99_TARGET_MILLIS = 250;
    private static final Pattern TITLE = Pattern.compile("\"title\":\"b(\\d+)\"");
    private static final String PASSWORD = "Sculling-at-dawn-on-the-Thames";

    private final int streams;
    private final int rate;
    private final int seconds;
    private final int idleSeconds;
    private final String workers;
    private final Path out;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private long[] sentAt;
    private long[] latencies;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong probesSeen = new AtomicLong();

    private RealtimeBenchmark(Map<String, String> options) {
        this.streams = Integer.parseInt(options.getOrDefault("--streams", "1000"));
        this.rate = Integer.parseInt(options.getOrDefault("--rate", "50"));
        this.seconds = Integer.parseInt(options.getOrDefault("--seconds", "20"));
        this.idleSeconds = Integer.parseInt(options.getOrDefault("--idle-seconds", "20"));
        this.workers = options.getOrDefault("--workers", "all");
        this.out = Path.of(options.getOrDefault("--out", "../docs/benchmarks.md"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        new RealtimeBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        BenchmarkReport.Machine machine = BenchmarkReport.Machine.describe();
        TestDatabase database = TestDatabase.createOn(PostgresServer.shared());
        Path dir = Files.createTempDirectory("coachkit-realtime-bench");
        int port = TestServices.freeLoopbackPort();
        Map<String, String> environment = new HashMap<>(Map.of(
                "COACHKIT_DATA_DIR", dir.resolve("data").toString(),
                "COACHKIT_DATABASE_URL", database.runtime().jdbcUrl(),
                "COACHKIT_MIGRATION_DATABASE_URL", database.owner().jdbcUrl(),
                "COACHKIT_REDIS_URL", RedisServer.shared().url(),
                "COACHKIT_JWT_SECRET", "realtime-benchmark-secret-of-at-least-32-bytes!",
                "COACHKIT_RATE_LIMIT_PER_IP", "1000000",
                "COACHKIT_RATE_LIMIT_AUTH_PER_IP", "1000000",
                "COACHKIT_RATE_LIMIT_PER_ACCOUNT", "1000000",
                "COACHKIT_RATE_LIMIT_PER_TENANT", "1000000",
                "COACHKIT_WORKERS", workers));
        try (BenchServer server = BenchServer.start(port, environment, dir.resolve("server.log"))) {
            server.awaitReady("/ready", System.nanoTime(), Duration.ofMinutes(2));
            Api api = new Api(port);
            String admin = api.register();
            String space = field(api.call("POST", "/spaces", "{\"name\":\"Club news\",\"isPrivate\":false}", admin),
                    "\"id\":\"([^\"]+)\"");
            List<String> members = new ArrayList<>();
            for (int i = 0; i < (streams + 9) / 10; i++) {
                members.add(api.join(admin, i));
            }
            System.out.printf("%d members joined; opening %d streams%n", members.size(), streams);

            int posts = rate * seconds;
            sentAt = new long[posts];
            latencies = new long[posts * streams];
            Arrays.fill(latencies, -1);
            List<CompletableFuture<?>> open = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                open.add(openStream(port, members.get(i / 10)));
            }
            CompletableFuture.allOf(open.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            awaitLive(api, admin, space);
            server.sampleRssKib();
            double cpuBeforeLoad = server.cpuSeconds();

            ExecutorService writers = Executors.newFixedThreadPool(4);
            double clientCpuBefore = ownCpuSeconds();
            long start = System.nanoTime();
            for (int i = 0; i < posts; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                writers.submit(() -> {
                    sentAt[index] = System.nanoTime();
                    api.call("POST", "/posts", "{\"spaceId\":\"" + space + "\",\"type\":\"TEXT\",\"title\":\"b" + index
                            + "\",\"content\":\"Load\"}", admin);
                    return null;
                });
                if (i % rate == 0) {
                    server.sampleRssKib();
                }
            }
            double achievedRate = posts / ((System.nanoTime() - start) / 1e9);
            writers.shutdown();
            writers.awaitTermination(1, TimeUnit.MINUTES);
            long drainDeadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (received.get() < (long) posts * streams && System.nanoTime() < drainDeadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            double cpuUnderLoad = (server.cpuSeconds() - cpuBeforeLoad) / loadSeconds;
            double clientCpu = (ownCpuSeconds() - clientCpuBefore) / loadSeconds;

            TimeUnit.SECONDS.sleep(5); // let the garbage of the load settle before idling is measured
            double cpuIdleStart = server.cpuSeconds();
            long idleStart = System.nanoTime();
            long rssIdle = 0;
            for (int s = 0; s < idleSeconds; s++) {
                TimeUnit.SECONDS.sleep(1);
                rssIdle = Math.max(rssIdle, server.sampleRssKib());
            }
            double cpuIdle = (server.cpuSeconds() - cpuIdleStart) / ((System.nanoTime() - idleStart) / 1e9);
            String section = section(machine, posts, achievedRate, cpuUnderLoad, clientCpu, cpuIdle, rssIdle,
                    server.peakRssKib());
            System.out.println(section);
            BenchmarkReport.writeSection(out, HEADING, section);
            server.stop();
        }
    }

    /**
     * Opens one stream whose bytes are handled on the client's own threads as they arrive (no thread per
     * stream here either); the future completes with the response's headers.
     */
    private CompletableFuture<?> openStream(int port, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/realtime/events"))
                .header("Authorization", "Bearer " + token).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofPublisher()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("a stream was refused with " + response.statusCode());
            }
            response.body().subscribe(new Lines());
            return opened.incrementAndGet();
        });
    }

    /** Splits one stream's bytes into lines and times the events that carry a post's title. */
    private final class Lines implements Flow.Subscriber<List<ByteBuffer>> {
        private final StringBuilder pending = new StringBuilder();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            long now = System.nanoTime();
            for (ByteBuffer buffer : buffers) {
                pending.append(StandardCharsets.UTF_8.decode(buffer)); // only ASCII is looked for
            }
            int end;
            while ((end = pending.indexOf("\n")) >= 0) {
                line(pending.substring(0, end), now);
                pending.delete(0, end + 1);
            }
        }

        private void line(String line, long now) {
            if (!line.startsWith("data: ")) {
                return;
            }
            if (line.contains("\"title\":\"probe\"")) {
                probesSeen.incrementAndGet();
                return;
            }
            Matcher matcher = TITLE.matcher(line);
            if (matcher.find()) {
                int slot = received.getAndIncrement();
                if (slot < latencies.length) {
                    latencies[slot] = now - sentAt[Integer.parseInt(matcher.group(1))];
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            ended.incrementAndGet();
        }

        @Override
        public void onComplete() {
            ended.incrementAndGet();
        }
    }

    /** Streams join asynchronously: posts a probe until one reaches every stream. */
    private void awaitLive(Api api, String admin, String space) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            probesSeen.set(0);
            api.call("POST", "/posts", "{\"spaceId\":\"" + space + "\",\"type\":\"TEXT\",\"title\":\"probe\","
                    + "\"content\":\"Are you there?\"}", admin);
            long waitUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (probesSeen.get() < streams && System.nanoTime() < waitUntil) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            if (probesSeen.get() >= streams) {
                return;
            }
        }
        throw new IllegalStateException("only " + probesSeen.get() + " of " + streams + " streams went live");
    }

    private String section(BenchmarkReport.Machine machine, int posts, double achievedRate, double cpuUnderLoad,
            double clientCpu, double cpuIdle, long rssIdleKib, long rssPeakKib) {
        long[] measured = Arrays.stream(latencies).filter(latency -> latency >= 0).sorted().toArray();
        double p50 = percentile(measured, 50);
        double p99 = percentile(measured, 99);
        return String.join("\n",
                HEADING,
                "",
                String.format("One API process (the packaged jar, `-Xmx400m`, `COACHKIT_WORKERS=%s`)", workers),
                "holding " + streams + " Server-Sent Events streams of " + (streams + 9) / 10 + " members (ten each, the",
                "per-account cap) while posts are written to a public space that all of them read. Latency: the",
                "benchmark sending a post's request → a stream reading its event (the request's own work and commit",
                "included, so an upper bound on commit → receipt). Produced by `bench/realtime.sh`; see `bench/README.md`.",
                "",
                "- Date: " + machine.date(),
                "- Command: `" + System.getProperty("coachkit.bench.command", "RealtimeBenchmark (run directly)") + "`",
                "- Commit: " + machine.commit(),
                "- Machine: " + machine.cpus() + " CPUs (" + machine.cpuModel() + "), " + machine.memory()
                        + " memory; load average (1/5/15 min) " + machine.loadAverage() + " before the run, "
                        + BenchmarkReport.Machine.currentLoadAverage()
                        + " after (the benchmark's clients, PostgreSQL, Redis and other processes share the machine)",
                "",
                "| measure | result | target | met |",
                "|---|---|---|---|",
                String.format(Locale.ROOT, "| delivery p50 | %.1f ms | | |", p50),
                String.format(Locale.ROOT, "| delivery p99 | %.1f ms | ≤ %.0f ms | %s |", p99, P99_TARGET_MILLIS,
                        p99 <= P99_TARGET_MILLIS ? "yes" : "**no**"),
                String.format(Locale.ROOT, "| delivery max | %.1f ms | | |", percentile(measured, 100)),
                String.format(Locale.ROOT, "| server CPU, %d streams idle | %.1f %% of one core | | |", streams, cpuIdle * 100),
                String.format(Locale.ROOT, "| server RSS, %d streams idle | %.0f MiB | | |", streams, rssIdleKib / 1024.0),
                String.format(Locale.ROOT, "| server CPU under load | %.0f %% of one core | | |", cpuUnderLoad * 100),
                String.format(Locale.ROOT, "| server RSS, peak | %.0f MiB | | |", rssPeakKib / 1024.0),
                String.format(Locale.ROOT, "| benchmark client CPU under load (same machine) | %.0f %% of one core | | |",
                        clientCpu * 100),
                "",
                String.format(Locale.ROOT, "%,d posts at %.1f/s (asked %d/s) over %d s; %,d of %,d deliveries arrived"
                        + " (%d streams opened, %d ended early); idle measured over %d s after a 5 s pause.",
                        posts, achievedRate, rate, seconds, Math.min(received.get(), latencies.length),
                        (long) posts * streams, opened.get(), ended.get(), idleSeconds),
                "");
    }

    private static double ownCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
    }

    /** The first group of {@code pattern} in {@code json}; the set-up's answers are small and fixed. */
    private static String field(String json, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return matcher.group(1);
    }

    private static double percentile(long[] sortedNanos, double percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    /** Just enough of the API for the set-up, over the benchmark's client. */
    private final class Api {
        private final int port;
        private final AtomicInteger emails = new AtomicInteger();
        private String tenant;

        Api(int port) {
            this.port = port;
        }

        String register() {
            String result = call("POST", "/auth/register", "{\"email\":\"admin" + System.nanoTime()
                    + "@bench.example\",\"password\":\"" + PASSWORD + "\",\"firstName\":\"Ann\",\"lastName\":\"Admin\","
                    + "\"organizationName\":\"Bench club\"}", null);
            tenant = field(result, "\"tenant\":\\{\"id\":\"([^\"]+)\"");
            return field(result, "\"accessToken\":\"([^\"]+)\"");
        }

        String join(String admin, int n) {
            String invitation = call("POST", "/tenants/" + tenant + "/invite", "{\"email\":\"member" + n + "-"
                    + emails.incrementAndGet() + "-" + System.nanoTime() + "@bench.example\",\"role\":\"ATHLETE\"}", admin);
            String accept = field(invitation, "\"acceptToken\":\"([^\"]+)\"");
            return field(call("POST", "/invitations/" + accept + "/accept", "{\"password\":\"" + PASSWORD
                    + "\",\"firstName\":\"Bo\",\"lastName\":\"Member\"}", null), "\"accessToken\":\"([^\"]+)\"");
        }

        String call(String method, String path, String json, String token) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json))
                    .header("Content-Type", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                return response.body();
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

    }
}
