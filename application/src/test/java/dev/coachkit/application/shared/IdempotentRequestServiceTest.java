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
import dev.coachkit.application.shared.port.out.IdempotencyKey;
import dev.coachkit.application.shared.port.out.IdempotencyStore.StoredKey;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Response;
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
    private static final String ANONYMOUS_KEY = "7c1f0e2a-4b3d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final Response CREATED = new Response(201, "application/json",
            "{\"id\":1}".getBytes(StandardCharsets.UTF_8));

    private final TickingClock clock = new TickingClock();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryIdempotencyKeys store = new InMemoryIdempotencyKeys(unitOfWork);
    private final IdempotentRequestService service = new IdempotentRequestService(unitOfWork, store,
            IdGenerator.random(), clock, Duration.ofHours(24), Duration.ofMinutes(1));

    private static Request post(String key, String body) {
        return Request.of(CALLER, key, "POST", "/posts", body.getBytes(StandardCharsets.UTF_8));
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
        assertThat(service.begin(Request.of(CALLER, "k2", "PUT", "/posts", "{\"a\":1}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(Mismatch.class);
        assertThat(service.begin(Request.of(CALLER, "k2", "POST", "/spaces", "{\"a\":1}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(Mismatch.class);
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

    @Test
    void the_store_keeps_neither_the_key_text_nor_the_answer_in_clear() {
        String token = "{\"accessToken\":\"secret-token-value\"}";
        service.finish(proceed(post("invite-key", "{}")).ticket(),
                new Response(201, "application/json", token.getBytes(StandardCharsets.UTF_8)));

        StoredKey stored = unitOfWork.inTenant(ACME, () -> store.find(IdempotencyKey.of(ACME, ALICE,
                IdempotencySecrets.of(post("invite-key", "{}")).digest()), clock.now())).orElseThrow();
        String kept = new String(stored.response().orElseThrow().body(), StandardCharsets.ISO_8859_1);
        assertThat(kept).doesNotContain("secret-token-value").doesNotContain("accessToken");
        assertThat(stored.requestHash()).doesNotContain("invite-key");
        assertThat(service.begin(post("invite-key", "{}"))).isEqualTo(new Replay(
                new Response(201, "application/json", token.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void an_anonymous_request_is_replayed_to_the_same_request_and_refused_for_another_body() {
        Request signIn = anonymous(ANONYMOUS_KEY, "{\"password\":\"right\"}");
        service.finish(proceed(signIn).ticket(), CREATED);

        assertThat(service.begin(anonymous(ANONYMOUS_KEY, "{\"password\":\"right\"}"))).isEqualTo(new Replay(CREATED));
        assertThat(service.begin(anonymous(ANONYMOUS_KEY, "{\"password\":\"wrong\"}"))).isInstanceOf(Mismatch.class);
    }

    @Test
    void an_anonymous_retry_must_present_the_same_credentials() {
        byte[] noBody = new byte[0];
        service.finish(proceed(Request.anonymous(ANONYMOUS_KEY, "POST", "/invitations/t/accept", "Bearer ann",
                noBody)).ticket(), CREATED);

        assertThat(service.begin(Request.anonymous(ANONYMOUS_KEY, "POST", "/invitations/t/accept", "Bearer bo",
                noBody))).isInstanceOf(Mismatch.class);
        assertThat(service.begin(Request.anonymous(ANONYMOUS_KEY, "POST", "/invitations/t/accept", "Bearer ann",
                noBody))).isEqualTo(new Replay(CREATED));
    }

    @Test
    void the_same_text_from_a_caller_and_from_nobody_names_two_keys() {
        service.finish(proceed(anonymous(ANONYMOUS_KEY, "{}")).ticket(), CREATED);

        assertThat(service.begin(Request.of(CALLER, ANONYMOUS_KEY, "POST", "/auth/login", new byte[] {'{', '}'})))
                .isInstanceOf(Proceed.class);
    }

    @Test
    void keys_sent_without_a_token_need_at_least_16_characters() {
        assertThatThrownBy(() -> service.begin(anonymous("x".repeat(15), "{}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Idempotency-Key");
        assertThat(service.begin(anonymous("y".repeat(16), "{}"))).isInstanceOf(Proceed.class);
    }

    private static Request anonymous(String key, String body) {
        return Request.anonymous(key, "POST", "/auth/login", "", body.getBytes(StandardCharsets.UTF_8));
    }
}
