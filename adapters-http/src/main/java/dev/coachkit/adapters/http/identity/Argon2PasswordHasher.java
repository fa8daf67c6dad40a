package dev.coachkit.adapters.http.identity;

import dev.coachkit.application.identity.port.out.PasswordHasher;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (spring-security-crypto on Bouncy Castle) at OWASP's minimum: 19 MiB,
 * two passes, one lane. At most a core's worth of hashes run at once, so a login flood queues
 * instead of starving the server of CPU and memory (each running hash holds 19 MiB).
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    /** The longest a request waits for a free hashing slot. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final String ARGON2_PREFIX = "$argon2";

    private final Argon2PasswordEncoder encoder;
    private final Semaphore running;

    /** Allows as many concurrent hashes as the JVM has processors. */
    public Argon2PasswordHasher() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public Argon2PasswordHasher(int maxConcurrentHashes) {
        this(MEMORY_KIB, ITERATIONS, maxConcurrentHashes);
    }

    /** Other costs, for tests of upgrading hashes made with weaker parameters. */
    Argon2PasswordHasher(int memoryKib, int iterations, int maxConcurrentHashes) {
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be positive, got " + maxConcurrentHashes);
        }
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, memoryKib, iterations);
        this.running = new Semaphore(maxConcurrentHashes, true);
    }

    @Override
    public String hash(String rawPassword) {
        Objects.requireNonNull(rawPassword, "rawPassword");
        return limited(() -> encoder.encode(rawPassword));
    }

    /** False for a wrong password and for a hash this hasher cannot read; never throws for either. */
    @Override
    public boolean matches(String rawPassword, String hash) {
        if (rawPassword == null || hash == null || !hash.startsWith(ARGON2_PREFIX)) {
            return false; // another scheme's hash: no match, and no warning with a stack trace from Spring
        }
        return limited(() -> encoder.matches(rawPassword, hash));
    }

    /** True when the hash used less memory or fewer passes than now configured, or cannot be read. */
    @Override
    public boolean needsRehash(String hash) {
        if (hash == null || hash.isEmpty()) {
            return true;
        }
        try {
            return encoder.upgradeEncoding(hash);
        } catch (RuntimeException malformed) {
            return true;
        }
    }

    /**
     * Runs {@code work} once one of the hashing slots is free. A flood of logins waits at most
     * {@link #MAX_WAIT} for a slot and is then turned away with 503, instead of tying up every
     * request thread behind the hasher.
     */
    <T> T limited(Supplier<T> work) {
        try {
            if (!running.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServiceUnavailableResponse("Too many sign-ins at once; retry in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
        try {
            return work.get();
        } finally {
            running.release();
        }
    }

    /** Whether a caller is waiting for a hashing slot; for tests of the cap. */
    boolean hasWaiters() {
        return running.hasQueuedThreads();
    }
}
