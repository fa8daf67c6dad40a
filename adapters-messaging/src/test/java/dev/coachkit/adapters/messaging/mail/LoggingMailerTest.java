package dev.coachkit.adapters.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.coachkit.application.notification.port.out.Mailer.Email;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * {@link LoggingMailer}: one INFO line per e-mail naming recipient and subject, never the body (its links are
 * bearer secrets). It delivers nothing, so it is not held to the {@link MailerContract}.
 */
class LoggingMailerTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingMailer.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final LoggingMailer mailer = LoggingMailer.namingRecipients();

    @BeforeEach
    void capture_log() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release_log() {
        logger.detachAppender(appender);
    }

    @Test
    void an_email_is_one_info_line_with_recipient_and_subject_but_not_the_body() {
        mailer.send(new Email("zoe@example.com", "You are invited to join CoachKit as ATHLETE",
                "Accept here: https://coachkit.test/invitations/s3cr3t-accept-token/accept\n"));

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage())
                    .isEqualTo("E-mail (logged, not sent) to zoe@example.com, subject: You are invited to join"
                            + " CoachKit as ATHLETE (body withheld: 74 characters)")
                    .doesNotContain("s3cr3t-accept-token");
        });
    }

    @Test
    void on_a_shared_deployment_the_line_carries_a_fingerprint_of_the_recipient_instead_of_the_address() {
        LoggingMailer.fingerprintingRecipients().send(new Email("Zoe@Example.com", "Your session is booked", "body"));

        assertThat(appender.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("E-mail (logged, not sent) to " + LoggingMailer.fingerprint("zoe@example.com")
                        + ", subject: Your session is booked (body withheld: 4 characters)")
                .asString().doesNotContainIgnoringCase("zoe").doesNotContainIgnoringCase("example.com");
        assertThat(LoggingMailer.fingerprint("zoe@example.com")).matches("sha256:[0-9a-f]{16}")
                .isNotEqualTo(LoggingMailer.fingerprint("zoe@example.org"));
    }

    @Test
    void control_characters_in_the_subject_cannot_forge_terminal_escapes() {
        mailer.send(new Email("zoe@example.com", "Hi \u001b[2J\ttab", "body"));

        assertThat(appender.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("E-mail (logged, not sent) to zoe@example.com, subject: Hi \\u001b[2J\ttab"
                        + " (body withheld: 4 characters)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-an-address", "zoe@example.com, eve@example.com", "<zoe@example.com"})
    void invalid_recipient_is_refused_and_nothing_is_logged(String to) {
        assertThatThrownBy(() -> mailer.send(new Email(to, "Hi", "body"))).isInstanceOf(IllegalArgumentException.class);

        assertThat(appender.list).isEmpty();
    }
}
