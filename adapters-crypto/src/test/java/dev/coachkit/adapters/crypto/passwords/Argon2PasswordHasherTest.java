package dev.coachkit.adapters.crypto.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.identity.port.out.PasswordHasherContract;
import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class Argon2PasswordHasherTest extends PasswordHasherContract {

    private static final Argon2PasswordHasher HASHER = new Argon2PasswordHasher();

    @Override
    protected PasswordHasher hasher() {
        return HASHER;
    }

    @Test
    void hash_is_argon2id_with_the_owasp_parameters_not_springs_preset() {
        assertThat(HASHER.hash("secret-password")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void hash_made_with_weaker_parameters_needs_rehash_and_still_matches() {
        String weak = new Argon2PasswordHasher(8 * 1024, 1, 1, Argon2PasswordHasher.MAX_WAIT).hash("secret-password");

        assertThat(HASHER.needsRehash(weak)).isTrue();
        assertThat(HASHER.matches("secret-password", weak)).isTrue();
    }

    @Test
    void hashes_written_by_springs_encoder_still_match_and_spring_reads_ours() {
        Argon2PasswordEncoder spring = new Argon2PasswordEncoder(Argon2PasswordHasher.SALT_BYTES,
                Argon2PasswordHasher.HASH_BYTES, Argon2PasswordHasher.PARALLELISM, Argon2PasswordHasher.MEMORY_KIB,
                Argon2PasswordHasher.ITERATIONS);
        String stored = spring.encode("pässwörd ✓");

        assertThat(HASHER.matches("pässwörd ✓", stored)).isTrue();
        assertThat(HASHER.matches("passwort", stored)).isFalse();
        assertThat(HASHER.needsRehash(stored)).isFalse();
        assertThat(spring.matches("pässwörd ✓", HASHER.hash("pässwörd ✓"))).isTrue();
    }

    @Test
    void a_hash_of_another_algorithm_or_a_tampered_one_never_matches() {
        String hash = HASHER.hash("secret-password");

        assertThat(HASHER.matches("secret-password", hash.replace("$argon2id$", "$argon2i$"))).isFalse();
        assertThat(HASHER.matches("secret-password", hash.replace("m=19456", "m=19457"))).isFalse();
        assertThat(HASHER.matches("secret-password", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    }

    @Test
    void unreadable_hash_needs_rehash() {
        assertThat(HASHER.needsRehash("not a hash")).isTrue();
    }

    @Test
    void concurrent_hashing_is_capped() throws Exception {
        Argon2PasswordHasher capped = new Argon2PasswordHasher(8 * 1024, 1, 2, Argon2PasswordHasher.MAX_WAIT);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoInside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(pool.submit(() -> capped.limited(() -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    twoInside.countDown();
                    awaitQuietly(release);
                    return inside.getAndDecrement();
                })));
            }
            assertThat(twoInside.await(10, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!capped.hasWaiters() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(capped.hasWaiters()).as("the third call waits for a slot").isTrue();
            assertThat(inside.get()).isEqualTo(2);
            release.countDown();
            for (Future<Integer> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void a_caller_that_finds_no_free_slot_in_time_is_told_to_retry() throws Exception {
        Argon2PasswordHasher capped = new Argon2PasswordHasher(8 * 1024, 1, 1, Duration.ofMillis(50));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> holder = pool.submit(() -> capped.limited(() -> {
                inside.countDown();
                awaitQuietly(release);
                return true;
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> capped.hash("secret-password"))
                    .isInstanceOfSatisfying(DependencyUnavailableException.class, unavailable ->
                            assertThat(unavailable.retryAfter()).isEqualTo(Argon2PasswordHasher.RETRY_AFTER));
            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void no_concurrency_is_rejected() {
        assertThatThrownBy(() -> new Argon2PasswordHasher(0)).hasMessageContaining("maxConcurrentHashes");
    }
}
