package dev.coachkit.application.identity.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link PasswordHasher} adapter guarantees. */
public abstract class PasswordHasherContract {

    private static final String PASSWORD = "correct horse battery staple";

    protected abstract PasswordHasher hasher();

    @Test
    void hash_is_not_the_raw_password() {
        String hash = hasher().hash(PASSWORD);

        assertThat(hash).isNotBlank().doesNotContain(PASSWORD);
    }

    @Test
    void hashing_twice_gives_different_salted_hashes() {
        assertThat(hasher().hash(PASSWORD)).isNotEqualTo(hasher().hash(PASSWORD));
    }

    @Test
    void right_password_matches() {
        assertThat(hasher().matches(PASSWORD, hasher().hash(PASSWORD))).isTrue();
    }

    @Test
    void non_ascii_password_matches() {
        String password = "Grüße, 東京 👋";

        assertThat(hasher().matches(password, hasher().hash(password))).isTrue();
    }

    @Test
    void wrong_password_does_not_match() {
        String hash = hasher().hash(PASSWORD);

        assertThat(hasher().matches("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher().matches("", hash)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a hash", "$argon2id$v=19$m=oops", "pbkdf2-sha256$1000$$", "$2a$10$abcdefghijklmnopqrstuv"})
    void malformed_hash_does_not_match_and_does_not_throw(String malformed) {
        assertThat(hasher().matches(PASSWORD, malformed)).isFalse();
    }

    @Test
    void fresh_hash_needs_no_rehash() {
        assertThat(hasher().needsRehash(hasher().hash(PASSWORD))).isFalse();
    }
}
