package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SampledTest {

    @Test
    void readings_within_the_max_age_share_one_query() {
        AtomicInteger queries = new AtomicInteger();
        Sampled<Integer> sampled = new Sampled<>(queries::incrementAndGet, Duration.ofHours(1));

        assertThat(sampled.get()).contains(1);
        assertThat(sampled.get()).contains(1);
        assertThat(queries).hasValue(1);
    }

    @Test
    void an_expired_reading_is_taken_again() {
        AtomicInteger queries = new AtomicInteger();
        Sampled<Integer> sampled = new Sampled<>(queries::incrementAndGet, Duration.ZERO);

        sampled.get();
        assertThat(sampled.get()).contains(2);
    }

    @Test
    void a_failed_reading_is_empty_instead_of_failing_the_scrape() {
        Sampled<Integer> sampled = new Sampled<>(() -> {
            throw new IllegalStateException("database down");
        }, Duration.ZERO);

        assertThat(sampled.get()).isEmpty();
    }
}
