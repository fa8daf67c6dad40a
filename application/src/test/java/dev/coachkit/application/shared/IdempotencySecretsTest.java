package dev.coachkit.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Request;
import dev.coachkit.application.shared.port.out.IdempotencyStore.StoredResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdempotencySecretsTest {

    private static final StoredResponse ANSWER = new StoredResponse(201, "application/json",
            "{\"acceptToken\":\"abc\"}".getBytes(StandardCharsets.UTF_8));

    private static IdempotencySecrets secrets(String key, String target, String body) {
        return IdempotencySecrets.of(Request.anonymous(key, "POST", target, "", body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_digest_depends_on_the_key_text_alone_and_the_request_hash_on_the_text_and_the_request() {
        IdempotencySecrets first = secrets("key-one-0123456789", "/auth/login", "{}");

        assertThat(secrets("key-one-0123456789", "/auth/register", "{}").digest()).isEqualTo(first.digest());
        assertThat(secrets("key-two-0123456789", "/auth/login", "{}").digest()).isNotEqualTo(first.digest());
        assertThat(secrets("key-two-0123456789", "/auth/login", "{}").requestHash()).isNotEqualTo(first.requestHash());
        assertThat(secrets("key-one-0123456789", "/auth/login", "{}").requestHash()).isEqualTo(first.requestHash());
    }

    @Test
    void parts_are_hashed_apart_so_moving_bytes_between_them_changes_the_hash() {
        assertThat(secrets("k", "/ab", "c").requestHash()).isNotEqualTo(secrets("k", "/a", "bc").requestHash());
    }

    @Test
    void a_sealed_answer_opens_only_under_the_key_of_the_same_text_and_request() {
        StoredResponse sealed = IdempotencySecrets.seal(secrets("k", "/t", "{}").sealKey(), ANSWER);

        assertThat(new String(sealed.body(), StandardCharsets.ISO_8859_1)).doesNotContain("acceptToken");
        assertThat(IdempotencySecrets.open(secrets("k", "/t", "{}").sealKey(), sealed)).isEqualTo(ANSWER);
        assertThatThrownBy(() -> IdempotencySecrets.open(secrets("k", "/t", "{ }").sealKey(), sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IdempotencySecrets.open(secrets("other", "/t", "{}").sealKey(), sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_altered_body_status_or_content_type_does_not_open() {
        IdempotencySecrets secrets = secrets("k", "/t", "{}");
        StoredResponse sealed = IdempotencySecrets.seal(secrets.sealKey(), ANSWER);
        byte[] flipped = sealed.body();
        flipped[flipped.length - 1] ^= 1;

        for (StoredResponse altered : new StoredResponse[] {new StoredResponse(201, "application/json", flipped),
                new StoredResponse(200, "application/json", sealed.body()),
                new StoredResponse(201, "text/html", sealed.body()), new StoredResponse(201, null, new byte[3])}) {
            assertThatThrownBy(() -> IdempotencySecrets.open(secrets.sealKey(), altered))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void an_empty_answer_survives_sealing_and_two_seals_of_one_answer_differ() {
        IdempotencySecrets secrets = secrets("k", "/t", "");
        StoredResponse noContent = new StoredResponse(204, null, new byte[0]);

        assertThat(IdempotencySecrets.open(secrets.sealKey(), IdempotencySecrets.seal(secrets.sealKey(), noContent)))
                .isEqualTo(noContent);
        assertThat(IdempotencySecrets.seal(secrets.sealKey(), ANSWER).body())
                .isNotEqualTo(IdempotencySecrets.seal(secrets.sealKey(), ANSWER).body());
    }
}
