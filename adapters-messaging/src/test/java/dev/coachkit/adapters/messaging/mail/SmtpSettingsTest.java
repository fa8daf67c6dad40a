package dev.coachkit.adapters.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SmtpSettings} refuses what cannot work and never prints the password. */
class SmtpSettingsTest {

    private static SmtpSettings settings(String host, int port, Optional<String> user, Optional<String> password,
            String from, Duration timeout) {
        return new SmtpSettings(host, port, user, password, from, true, timeout);
    }

    @Test
    void to_string_shows_the_server_but_not_the_password() {
        SmtpSettings settings = settings("smtp.example.com", 587, Optional.of("coach"), Optional.of("s3cret-Pa55"),
                "noreply@coachkit.test", Duration.ofSeconds(10));

        assertThat(settings.toString()).contains("smtp.example.com", "587", "coach", "noreply@coachkit.test", "<redacted>")
                .doesNotContain("s3cret-Pa55");
    }

    @Test
    void credentials_must_come_together() {
        assertThatThrownBy(() -> settings("smtp.example.com", 587, Optional.empty(), Optional.of("s3cret"),
                "noreply@coachkit.test", Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> settings("smtp.example.com", 587, Optional.of("coach"), Optional.empty(),
                "noreply@coachkit.test", Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unusable_server_sender_or_timeout_is_refused() {
        Duration ok = Duration.ofSeconds(10);
        assertThatThrownBy(() -> settings(" ", 587, Optional.empty(), Optional.empty(), "a@b.test", ok))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings("smtp.example.com", 0, Optional.empty(), Optional.empty(), "a@b.test", ok))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings("smtp.example.com", 70_000, Optional.empty(), Optional.empty(), "a@b.test", ok))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings("smtp.example.com", 587, Optional.empty(), Optional.empty(), "not an address", ok))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings("smtp.example.com", 587, Optional.empty(), Optional.empty(), "a@b.test", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
