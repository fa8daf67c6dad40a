package dev.coachkit.bootstrap.bench;

import ch.qos.logback.classic.Level;
import dev.coachkit.adapters.messaging.testing.SqsTestServer;
import dev.coachkit.adapters.persistence.PostgresPersistence;
import dev.coachkit.adapters.persistence.PostgresWorkerPersistence;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.bootstrap.bench.RelayPhases.Latency;
import dev.coachkit.bootstrap.bench.RelayPhases.Throughput;
import dev.coachkit.domain.shared.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/** Outbox relay benchmark (throughput into SQS, commit-to-handler latency); run by bench/relay.sh, never by mvn verify. */
public final class RelayBenchmark {

    static final int WARM_UP_EVENTS = 2_000;

    private RelayBenchmark() {}

    /** Command-line options; see bench/README.md. */
    record Options(int events, int tenants, int rate, int seconds, Path out) {

        static Options parse(String[] args) {
            int events = 20_000, tenants = 20, rate = 200, seconds = 20;
            Path out = Path.of("docs/benchmarks.md");
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--events" -> events = positive(args[i], value);
                    case "--tenants" -> tenants = positive(args[i], value);
                    case "--rate" -> rate = positive(args[i], value);
                    case "--seconds" -> seconds = positive(args[i], value);
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(events, tenants, rate, seconds, out);
        }

        private static int positive(String option, String value) {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new IllegalArgumentException(option + " must be at least 1, was " + value);
            }
            return number;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException usage) {
            System.err.println(usage.getMessage() + "\nusage: bench/relay.sh [--events N] [--tenants T] [--rate R/s]"
                    + " [--seconds S] [--out docs/benchmarks.md]");
            System.exit(2);
            return;
        }
        quietLogs();
        BenchmarkReport.Machine machine = BenchmarkReport.Machine.describe();
        PostgresServer postgres = PostgresServer.shared();
        TestDatabase database = TestDatabase.createOn(postgres);
        SqsTestServer sqsServer = SqsTestServer.shared();
        List<TenantId> tenants = Stream.generate(() -> TenantId.of(UUID.randomUUID())).limit(options.tenants()).toList();
        System.out.printf("PostgreSQL %s, SQS %s; %d events over %d tenants, then %d events/s for %d s%n",
                postgres.origin(), sqsServer.origin(), options.events(), options.tenants(), options.rate(),
                options.seconds());
        Throughput oneRelay;
        Throughput twoRelays;
        Latency latency;
        try (PostgresPersistence runtime = PostgresPersistence.connect(database.runtime(), 4, new SimpleMeterRegistry());
             PostgresWorkerPersistence worker = PostgresWorkerPersistence.connect(database.worker(),
                     new SimpleMeterRegistry())) {
            RelayPhases phases = new RelayPhases(runtime, worker, sqsServer, tenants,
                    () -> database.executeAsOwner("TRUNCATE outbox_events, processed_events"));
            System.out.println("warm-up: " + phases.throughput(1, Math.min(WARM_UP_EVENTS, options.events())));
            oneRelay = phases.throughput(1, options.events());
            System.out.println("1 relay: " + oneRelay);
            twoRelays = phases.throughput(2, options.events());
            System.out.println("2 relays: " + twoRelays);
            latency = phases.latency(options.rate(), options.seconds());
            System.out.println("latency: " + latency);
        }
        String section = new BenchmarkReport(machine, options, postgres.origin(),
                BenchmarkReport.postgresVersion(database.owner()), sqsServer.origin())
                .section(oneRelay, twoRelays, latency);
        BenchmarkReport.writeSection(options.out(), BenchmarkReport.HEADING, section);
        System.out.println();
        System.out.println(section);
        System.out.println("written to " + options.out().toAbsolutePath());
        System.exit(0); // ElasticMQ's and the pools' threads would otherwise keep exec:java waiting
    }

    /** The server's logback.xml logs at INFO; a benchmark wants only warnings. */
    private static void quietLogs() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
