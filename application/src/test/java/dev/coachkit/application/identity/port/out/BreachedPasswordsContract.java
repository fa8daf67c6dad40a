package dev.coachkit.application.identity.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link BreachedPasswords} adapter guarantees; any adequate list holds the most common passwords. */
public abstract class BreachedPasswordsContract {

    protected abstract BreachedPasswords breachedPasswords();

    @ParameterizedTest
    @ValueSource(strings = {"password123", "PASSWORD123", "Password123", " password123", "password123\t", "12345678",
            "qwertyuiop", "iloveyou"})
    void the_most_common_passwords_are_listed_whatever_their_case_and_surrounding_white_space(String password) {
        assertThat(breachedPasswords().contains(password)).isTrue();
    }

    @Test
    void a_random_passphrase_is_not_listed() {
        assertThat(breachedPasswords().contains("violet kayak " + UUID.randomUUID())).isFalse();
    }

    @Test
    void white_space_inside_a_password_counts() {
        assertThat(breachedPasswords().contains("password 123 " + UUID.randomUUID())).isFalse();
    }
}
