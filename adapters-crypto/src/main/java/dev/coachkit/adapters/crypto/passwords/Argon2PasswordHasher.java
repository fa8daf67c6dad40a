package dev.coachkit.adapters.crypto.passwords;

import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) at OWASP's minimum: 19 MiB, two passes, one lane, in the
 * PHC format spring-security-crypto wrote before ({@link Argon2Hash}). At most a core's worth of hashes
 * run at once, so a login flood queues instead of starving the server of CPU and memory.
 *
 * <p>The 19 MiB of each running hash come from a pool and go back to it: allocated anew for every
 * sign-in (as Spring's encoder does), they made a young collection every few sign-ins that copied the
 * running hashes' memory — a quarter of the time under a login load in bench/api.sh.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    /** The longest a request waits for a free hashing slot. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(5);
    /** What a caller turned away for want of a slot is told to wait: overload is brief. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int memoryKib;
    private final int iterations;
    private final Duration maxWait;
    private final Semaphore running;
    /** Blocks of 1 KiB, enough for every hash that may run at once; hashes of other costs use it too. */
    private final Argon2BytesGenerator.BlockPool memory;

    /** Allows as many concurrent hashes as the JVM has processors. */
    public Argon2PasswordHasher() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public Argon2PasswordHasher(int maxConcurrentHashes) {
        this(MEMORY_KIB, ITERATIONS, maxConcurrentHashes, MAX_WAIT);
    }

    /** Other costs and waits, for tests of upgrading hashes made with weaker parameters and of the cap. */
    Argon2PasswordHasher(int memoryKib, int iterations, int maxConcurrentHashes, Duration maxWait) {
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be positive, got " + maxConcurrentHashes);
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.maxWait = maxWait;
        this.running = new Semaphore(maxConcurrentHashes, true);
        this.memory = new Argon2BytesGenerator.FixedBlockPool(maxConcurrentHashes * Math.max(memoryKib, MEMORY_KIB));
    }

    @Override
    public String hash(String rawPassword) {
        Objects.requireNonNull(rawPassword, "rawPassword");
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return limited(() -> new Argon2Hash(memoryKib, iterations, PARALLELISM, salt,
                derive(rawPassword, memoryKib, iterations, PARALLELISM, salt, HASH_BYTES)).encoded());
    }

    /** False for a wrong password and for a hash this hasher cannot read; never throws for either. */
    @Override
    public boolean matches(String rawPassword, String hash) {
        Optional<Argon2Hash> stored = hash == null ? Optional.empty() : Argon2Hash.parse(hash);
        if (rawPassword == null || stored.isEmpty()) {
            return false;
        }
        Argon2Hash known = stored.get();
        return limited(() -> MessageDigest.isEqual(derive(rawPassword, known.memoryKib(), known.iterations(),
                known.parallelism(), known.salt(), known.hash().length), known.hash()));
    }

    /** True when the hash used less memory or fewer passes than now configured, or cannot be read. */
    @Override
    public boolean needsRehash(String hash) {
        return hash == null || Argon2Hash.parse(hash)
                .map(stored -> stored.memoryKib() < memoryKib || stored.iterations() < iterations)
                .orElse(true);
    }

    /** The Argon2id output of {@code password}, {@code length} bytes, with these costs and salt. */
    private byte[] derive(String password, int kib, int passes, int lanes, byte[] salt, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(kib)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .withBlockPool(memory)
                .build());
        byte[] output = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), output);
        return output;
    }

    /**
     * Runs {@code work} once one of the hashing slots is free. A flood of logins waits at most
     * {@link #MAX_WAIT} (by default) for a slot and is then turned away with a {@link DependencyUnavailableException}
     * (503 with {@code Retry-After} over HTTP), instead of tying up every request thread behind the hasher.
     */
    <T> T limited(Supplier<T> work) {
        try {
            if (!running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DependencyUnavailableException("password hashing", RETRY_AFTER, null);
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
