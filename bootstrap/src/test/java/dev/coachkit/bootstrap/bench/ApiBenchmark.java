package dev.coachkit.bootstrap.bench;

import dev.coachkit.adapters.crypto.passwords.Argon2PasswordHasher;
import dev.coachkit.adapters.messaging.testing.RedisServer;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.application.testing.TestServices;
import dev.coachkit.bootstrap.bench.BenchEndpoints.Endpoint;
import dev.coachkit.bootstrap.bench.EndpointLoad.Measured;
import dev.coachkit.bootstrap.bench.Population.Person;
import dev.coachkit.bootstrap.bench.SignIns.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API benchmark (bench/api.sh; a smoke run is {@code ApiBenchmarkSmokeIT}): the packaged server
 * on the machine's PostgreSQL and Redis with a realistic data set, loaded endpoint by endpoint with
 * wrk, each write and read compared with pgbench replaying the SQL the server sent for it.
 */
public final class ApiBenchmark {

    /** Settings of a run; {@link #smoke()} is the shortest that still goes through every step. */
    record Options(BenchDataSet.Scale scale, int warmUpSeconds, int maxWarmUpSlices, int seconds, int connections,
            int linesPerRound, int argon2Seconds, boolean forkJmh, boolean recordJfr, Path out) {

        static Options full(Path out) {
            return new Options(BenchDataSet.Scale.defaults(), 15, 12, 20, 64, 60_000, 15, true, false, out);
        }

        static Options smoke(Path out) {
            return new Options(BenchDataSet.Scale.smoke(), 1, 1, 2, 8, 2_000, 3, false, false, out);
        }

        /** The same run with the measured server recorded by Java Flight Recorder, for profiling. */
        Options recorded() {
            return new Options(scale, warmUpSeconds, maxWarmUpSlices, seconds, connections, linesPerRound,
                    argon2Seconds, forkJmh, true, out);
        }
    }

    /** Everything one run measured, for the report. */
    record Run(Options options, StartupTimes.Result startup, double argon2PerSecond, List<Comparison> endpoints,
            Measured login, Measured refresh, long peakRssKib, String dataSet) {}

    /** An endpoint under HTTP load and, where it has one, its pgbench baseline. */
    record Comparison(Measured http, PgbenchBaseline.Result baseline, String script) {}

    private ApiBenchmark() {}

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        Path out = Path.of(args.length > 0 && !args[args.length - 1].startsWith("--") ? args[args.length - 1]
                : "docs/benchmarks.md");
        BenchmarkReport.Machine machine = BenchmarkReport.Machine.describe();
        Options options = smoke ? Options.smoke(out) : Options.full(out);
        Run run = run(List.of(args).contains("--jfr") ? options.recorded() : options);
        String section = ApiReport.section(machine, run);
        BenchmarkReport.writeSection(out, ApiReport.HEADING, section);
        System.out.println(section);
        System.out.println("written to " + out.toAbsolutePath());
        System.exit(0);
    }

    static Run run(Options options) throws Exception {
        WrkRun.requireInstalled();
        Path workDir = Files.createTempDirectory("coachkit-api-bench");
        System.out.println("work directory (server logs, wrk and pgbench inputs): " + workDir);
        double argon2 = Argon2HashRate.measure(options.argon2Seconds(), options.forkJmh());
        System.out.printf("Argon2 verifications, JMH: %.1f/s%n", argon2);
        StartupTimes.Result startup = StartupTimes.measure(workDir, TestServices.freeLoopbackPort());

        TestDatabase database = TestDatabase.createOn(PostgresServer.shared());
        String password = "bench password " + Instant.now().getEpochSecond();
        DataSet loaded = BenchDataSet.load(database, options.scale(), new Argon2PasswordHasher().hash(password));
        Population population = Population.of(loaded, password);
        Instant firstSlot = Instant.now().plus(Duration.ofDays(200));
        Map<String, String> environment = environment(database, workDir);

        // the capture signs the benchmark's callers in; their tokens outlive the whole run (15 minutes)
        Captured captured = captureSql(options, database, population, firstSlot, environment, workDir);
        List<Comparison> comparisons = new ArrayList<>();
        Measured login;
        Measured refresh;
        long peakRss;
        List<String> recording = options.recordJfr() ? List.of("-XX:StartFlightRecording=settings=profile,filename="
                + workDir.resolve("server.jfr")) : List.of();
        try (BenchServer server = BenchServer.start(TestServices.freeLoopbackPort(), environment,
                workDir.resolve("server.log"), recording)) {
            server.awaitReady("/ready", System.nanoTime(), Duration.ofMinutes(2));
            BenchEndpoints endpoints = captured.endpoints();
            EndpointLoad load = new EndpointLoad(server, workDir, options.warmUpSeconds(), options.maxWarmUpSlices(),
                    options.seconds(),
                    options.linesPerRound());
            List<Measured> measured = new ArrayList<>();
            for (Endpoint endpoint : endpoints.withBaselines()) {
                measured.add(load.requests(endpoint, options.connections()));
            }
            int signInConnections = Math.max(2, options.connections() / 4);
            login = load.requests(endpoints.login(), signInConnections);
            refresh = RefreshChains.load(load, server.port(), population, options.connections(), workDir);
            peakRss = server.peakRssKib();
            server.stop();
            for (int i = 0; i < measured.size(); i++) {
                SqlCapture.Captured sql = captured.scripts().get(i);
                PgbenchBaseline.Result baseline = PgbenchBaseline.run(database.runtime(), sql.script(),
                        options.connections(), options.seconds(), workDir);
                System.out.printf("baseline of %s: %,.0f transactions/s, %d failed%n", measured.get(i).name(),
                        baseline.tps(), baseline.failed());
                comparisons.add(new Comparison(measured.get(i), baseline, sql.script()));
            }
        }
        return new Run(options, startup, argon2, comparisons, login, refresh, peakRss, describe(loaded));
    }

    /** The endpoints, their callers signed in, and the SQL of one request of each endpoint with a baseline. */
    private record Captured(BenchEndpoints endpoints, List<SqlCapture.Captured> scripts) {}

    /**
     * One request of each endpoint with a baseline, sent to a server whose connections log every
     * statement, turned into the pgbench script of its transaction.
     */
    private static Captured captureSql(Options options, TestDatabase database,
            Population population, Instant firstSlot, Map<String, String> environment, Path workDir) throws Exception {
        SqlCapture capture = SqlCapture.of(database.runtime());
        SqlCapture.logStatements(database.owner(), true);
        try (BenchServer server = BenchServer.start(TestServices.freeLoopbackPort(), environment,
                workDir.resolve("server-capture.log"))) {
            server.awaitReady("/ready", System.nanoTime(), Duration.ofMinutes(2));
            Map<Person, Tokens> tokens = signInSome(server.port(), population);
            BenchEndpoints endpoints = new BenchEndpoints(population, tokens, options.linesPerRound(), firstSlot);
            SignIns client = new SignIns(server.port(), population.password());
            List<SqlCapture.Captured> scripts = new ArrayList<>();
            for (Endpoint endpoint : endpoints.withBaselines()) {
                scripts.add(capture.capture(client, endpoint));
            }
            server.stop();
            return new Captured(endpoints, scripts);
        } finally {
            SqlCapture.logStatements(database.owner(), false);
        }
    }

    private static String describe(DataSet loaded) {
        DataSet.Counts rows = loaded.counts();
        return String.format(Locale.ROOT, "%d organizations, %,d accounts, %,d spaces (%,d memberships),"
                + " %,d posts, %,d comments, %,d sessions over a year; loaded in %d s", rows.tenants(), rows.accounts(),
                rows.spaces(), rows.spaceMembers(), rows.posts(), rows.comments(), rows.sessions(),
                loaded.loadTime().toSeconds());
    }

    /** Every admin and three athletes of each organization, signed in. */
    private static Map<Person, Tokens> signInSome(int port, Population population) throws InterruptedException {
        List<Person> people = new ArrayList<>();
        for (Population.Organization org : population.organizations()) {
            people.add(org.admin());
            people.addAll(org.athletes().subList(0, Math.min(3, org.athletes().size())));
        }
        return new SignIns(port, population.password()).signIn(people);
    }

    /** The server as operators run it against shared infrastructure, API only, limits out of the way. */
    private static Map<String, String> environment(TestDatabase database, Path workDir) {
        Map<String, String> environment = new HashMap<>();
        environment.put("COACHKIT_DATABASE_URL", database.runtime().jdbcUrl());
        environment.put("COACHKIT_MIGRATION_DATABASE_URL", database.owner().jdbcUrl());
        environment.put("COACHKIT_REDIS_URL", RedisServer.shared().url());
        environment.put("COACHKIT_DATA_DIR", workDir.resolve("data").toString());
        environment.put("COACHKIT_JWT_SECRET", "benchmark-only-secret-of-more-than-thirty-two-bytes");
        environment.put("COACHKIT_WORKERS", "none");
        for (String limit : List.of("COACHKIT_RATE_LIMIT_PER_IP", "COACHKIT_RATE_LIMIT_AUTH_PER_IP",
                "COACHKIT_RATE_LIMIT_PER_ACCOUNT", "COACHKIT_RATE_LIMIT_PER_TENANT")) {
            environment.put(limit, "1000000");
        }
        environment.put("COACHKIT_LOGIN_ATTEMPTS_PER_ACCOUNT", "1000");
        return environment;
    }
}
