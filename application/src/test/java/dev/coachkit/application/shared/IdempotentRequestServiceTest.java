package dev.coachkit.application.shared;

import static dev.coachkit.application.testing.TestTenants.ACME;
import static dev.coachkit.application.testing.TestTenants.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.memory.InMemoryIdempotencyKeys;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.InProgress;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Mismatch;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Outcome;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Proceed;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Replay;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Request;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.IdempotencyStore.StoredResponse;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotentRequestServiceTest {

    private static final Actor CALLER = new Actor(ACME, ALICE, Role.COACH);
    private static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "{\"id\":1}".getBytes(StandardCharsets.UTF_8));

    private final TickingClock clock = new TickingClock();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final IdempotentRequestService service = new IdempotentRequestService(unitOfWork,
            new InMemoryIdempotencyKeys(unitOfWork), IdGenerator.random(), clock, Duration.ofHours(24),
            Duration.ofMinutes(1));

    private static Request post(String key, String body) {
        return new Request(CALLER, key, "POST", "/posts", body.getBytes(StandardCharsets.UTF_8));
    }

    private Proceed proceed(Request request) {
        Outcome outcome = service.begin(request);
        assertThat(outcome).isInstanceOf(Proceed.class);
        return (Proceed) outcome;
    }

    @Test
    void a_finished_request_is_replayed_for_the_same_request_until_the_key_expires() {
        service.finish(proceed(post("k1", "{}")).ticket(), CREATED);

        assertThat(service.begin(post("k1", "{}"))).isEqualTo(new Replay(CREATED));
        clock.advance(Duration.ofHours(25));
        assertThat(service.begin(post("k1", "{}"))).isInstanceOf(Proceed.class);
    }

    @Test
    void another_body_method_or_path_under_a_used_key_is_a_mismatch() {
        service.finish(proceed(post("k2", "{\"a\":1}")).ticket(), CREATED);

        assertThat(service.begin(post("k2", "{\"a\":2}"))).isInstanceOf(Mismatch.class);
        assertThat(service.begin(new Request(CALLER, "k2", "PUT", "/posts", "{\"a\":1}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(Mismatch.class);
        assertThat(service.begin(new Request(CALLER, "k2", "POST", "/spaces", "{\"a\":1}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(Mismatch.class);
    }

    @Test
    void parts_are_hashed_apart_so_moving_bytes_between_them_changes_the_hash() {
        assertThat(IdempotentRequestService.hash(new Request(CALLER, "k", "POST", "/ab", "c".getBytes(StandardCharsets.UTF_8))))
                .isNotEqualTo(IdempotentRequestService.hash(
                        new Request(CALLER, "k", "POST", "/a", "bc".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void a_duplicate_of_a_running_request_is_in_progress_until_the_lease_runs_out() {
        proceed(post("k3", "{}"));

        assertThat(service.begin(post("k3", "{}"))).isInstanceOf(InProgress.class);
        clock.advance(Duration.ofMinutes(2)); // the holder's process is presumed dead
        assertThat(service.begin(post("k3", "{}"))).isInstanceOf(Proceed.class);
    }

    @Test
    void an_abandoned_request_runs_again_on_retry() {
        service.abandon(proceed(post("k4", "{}")).ticket());

        assertThat(service.begin(post("k4", "{}"))).isInstanceOf(Proceed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\there", "naïve", "line\nbreak"})
    void keys_that_are_not_1_to_255_printable_ascii_are_invalid_input(String key) {
        assertThatThrownBy(() -> service.begin(post(key, "{}"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Idempotency-Key");
    }

    @Test
    void a_key_of_255_characters_is_accepted_and_256_are_not() {
        assertThat(service.begin(post("x".repeat(255), "{}"))).isInstanceOf(Proceed.class);
        assertThatThrownBy(() -> service.begin(post("x".repeat(256), "{}"))).isInstanceOf(InvalidInputException.class);
    }
}
