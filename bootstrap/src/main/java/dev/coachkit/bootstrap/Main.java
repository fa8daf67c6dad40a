package dev.coachkit.bootstrap;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The {@code coachkit} command line: {@code serve}, {@code migrate} and {@code help}. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        String command = args.length == 0 ? "help" : args[0];
        try {
            switch (command) {
                case "serve" -> serve(System.getenv());
                case "migrate" -> migrate(System.getenv());
                case "worker" -> worker(args.length > 1 ? args[1] : "", System.getenv());
                case "help", "--help", "-h" -> {
                    if (args.length > 1 && args[1].equals("--markdown")) {
                        System.out.print(ConfigurationReference.markdownTable());
                    } else {
                        help(System.out);
                    }
                }
                default -> {
                    System.err.println("unknown command '" + command + "'");
                    help(System.err);
                    System.exit(2);
                }
            }
        } catch (ConfigurationException invalid) {
            System.err.println(invalid.getMessage());
            System.exit(2);
        } catch (RuntimeException failure) {
            LOG.error("{} failed: {}", command, failure.getMessage(), failure);
            System.exit(1);
        }
    }

    /** Runs the server until the process is told to stop (SIGTERM or Ctrl-C), then stops it gracefully. */
    private static void serve(Map<String, String> environment) {
        runUntilStopped(CoachKitServer.start(Configuration.from(environment)));
    }

    /** {@code worker NAME}: background workers and the operations endpoints only, so they scale out on their own. */
    private static void worker(String names, Map<String, String> environment) {
        Set<Worker> workers;
        try {
            workers = Worker.parse(names);
        } catch (IllegalArgumentException unknown) {
            throw new ConfigurationException(java.util.List.of("usage: worker outbox-relay|notifications|scheduler|all"));
        }
        runUntilStopped(CoachKitServer.start(Configuration.from(environment), false, workers));
    }

    private static void runUntilStopped(CoachKitServer server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: letting in-flight requests finish");
            server.close();
            stopped.countDown();
        }, "coachkit-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void migrate(Map<String, String> environment) {
        Configuration configuration = Configuration.from(environment);
        if (!configuration.singleNode() && configuration.migrationDatabaseUrl().isEmpty()) {
            throw new ConfigurationException(java.util.List.of("'migrate' needs "
                    + Setting.MIGRATION_DATABASE_URL.variable() + ", the owner role's JDBC URL"));
        }
        try (Database database = Database.open(configuration)) {
            LOG.info("applied {} migrations", database.migrate());
        }
    }

    static void help(PrintStream out) {
        out.println("""
                usage: java -jar coachkit.jar COMMAND

                commands:
                  serve     run the REST API (single-node mode when no database is configured)
                  migrate   apply database migrations as the owner role, then exit
                  worker NAME  run background workers only: outbox-relay, notifications, scheduler, all
                            (comma-separated for several)
                  help      show this text (help --markdown: the configuration table of docs/configuration.md)

                configuration (environment variables):""");
        for (Setting setting : Setting.values()) {
            out.printf("  %-34s %s%n  %-34s %s%n", setting.variable(), setting.meaning(), "",
                    setting.defaultValue().map(value -> "default: " + value).orElse("default: unset"));
        }
    }
}
