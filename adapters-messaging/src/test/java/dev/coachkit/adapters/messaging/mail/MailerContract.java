package dev.coachkit.adapters.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.notification.port.out.Mailer.Email;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link Mailer} must do; each adapter's test says how it observes a delivery. Bodies end without a
 * line break: GreenMail drops the last CRLF before the terminating dot (a real relay keeps it).
 */
abstract class MailerContract {

    /** An e-mail as it reached the other side (line breaks as {@code \n}). */
    record ReceivedEmail(String to, String subject, String body) {}

    protected abstract Mailer mailer();

    /** Everything delivered since the test started, oldest first. */
    protected abstract List<ReceivedEmail> delivered();

    @Test
    void sent_email_arrives_with_recipient_subject_and_body_intact() {
        mailer().send(new Email("zoe@example.com", "Confirm your account",
                "Hello Zoe,\n\nconfirm here: https://coachkit.test/confirm?token=abc123&x=1\n\nCoachKit"));

        assertThat(delivered()).containsExactly(new ReceivedEmail("zoe@example.com", "Confirm your account",
                "Hello Zoe,\n\nconfirm here: https://coachkit.test/confirm?token=abc123&x=1\n\nCoachKit"));
    }

    @Test
    void unicode_subject_and_body_arrive_intact() {
        String subject = "Ihre Buchung ✓ — Zoë, 日本語 😀";
        String body = "Grüße, Zoë!\n\n.a line that starts with a dot\n"
                + "A long line ".repeat(12) + "— ünïcödé 日本語 😀\n\tindented\n   trailing spaces   \nend";

        mailer().send(new Email("zoe@example.com", subject, body));

        assertThat(delivered()).containsExactly(new ReceivedEmail("zoe@example.com", subject, body));
    }

    @Test
    void each_send_delivers_one_email_in_order() {
        mailer().send(new Email("first@example.com", "One", "1"));
        mailer().send(new Email("second@example.org", "Two", "2"));

        assertThat(delivered()).containsExactly(
                new ReceivedEmail("first@example.com", "One", "1"),
                new ReceivedEmail("second@example.org", "Two", "2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not-an-address", "zoe@", "@example.com", "zoe@@example.com",
            "zoe@example.com, eve@example.com", "list: zoe@example.com, eve@example.com;", "zoe example@example.com",
            "<zoe@example.com"})
    void invalid_recipient_is_refused(String to) {
        assertThatThrownBy(() -> mailer().send(new Email(to, "Hi", "body")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(delivered()).isEmpty();
    }
}
