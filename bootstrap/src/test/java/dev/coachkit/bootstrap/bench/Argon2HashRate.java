package dev.coachkit.bootstrap.bench;

import dev.coachkit.adapters.crypto.passwords.Argon2PasswordHasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The raw rate of the server's password check, measured with JMH: what a login costs at least. One
 * verification per operation, with the server's own hasher and parameters (Argon2id, 19 MiB, t=2),
 * on as many threads as the machine has cores — the server allows as many hashes at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Argon2HashRate {

    private static final String PASSWORD = "correct horse battery";

    private Argon2PasswordHasher hasher;
    private String hash;

    @Setup
    public void hashOnce() {
        hasher = new Argon2PasswordHasher();
        hash = hasher.hash(PASSWORD);
    }

    @Benchmark
    public boolean verify() {
        return hasher.matches(PASSWORD, hash);
    }

    /**
     * Verifications per second over all threads, in about {@code seconds}; {@code fork}: in a JVM of
     * its own, as JMH advises (it needs the class path on the command line, as bench/api.sh gives it).
     */
    static double measure(int seconds, boolean fork) throws RunnerException {
        int threads = Runtime.getRuntime().availableProcessors();
        RunResult result = new Runner(new OptionsBuilder()
                .include(Argon2HashRate.class.getName() + ".verify")
                .forks(fork ? 1 : 0)
                .threads(threads)
                .warmupIterations(1).warmupTime(TimeValue.seconds(Math.max(1, seconds / 3)))
                .measurementIterations(3).measurementTime(TimeValue.seconds(Math.max(1, seconds / 3)))
                .shouldFailOnError(true)
                .build()).runSingle();
        return result.getPrimaryResult().getScore();
    }
}
