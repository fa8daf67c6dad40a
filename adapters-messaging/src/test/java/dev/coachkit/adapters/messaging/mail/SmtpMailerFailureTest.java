package dev.coachkit.adapters.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.coachkit.application.notification.port.out.Mailer.Email;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SmtpMailer} when the server is down or silent: it throws, in time, without the password. */
class SmtpMailerFailureTest {

    private static final Email EMAIL = new Email("zoe@example.com", "Hi", "body");

    @Test
    void server_down_fails_with_an_exception_that_does_not_reveal_the_password() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SmtpMailer mailer = new SmtpMailer(withPassword(port, Duration.ofSeconds(5)));

        Throwable failure = catchThrowable(() -> mailer.send(EMAIL));

        assertThat(failure).isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("127.0.0.1:" + port);
        assertThat(SmtpTesting.printed(failure)).doesNotContain(SmtpTesting.PASSWORD);
    }

    @Test
    void silent_server_times_out_instead_of_hanging() throws IOException {
        // The kernel accepts the connection into the backlog; nobody ever sends the SMTP greeting.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SmtpMailer mailer = new SmtpMailer(withPassword(silent.getLocalPort(), Duration.ofMillis(300)));

            Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowable(() -> mailer.send(EMAIL)));

            assertThat(failure).isInstanceOf(MailDeliveryException.class);
            assertThat(SmtpTesting.printed(failure)).doesNotContain(SmtpTesting.PASSWORD);
        }
    }

    @Test
    void a_failure_that_quotes_the_password_is_redacted_and_its_cause_withheld() {
        SmtpSettings settings = withPassword(25, Duration.ofSeconds(5));
        MessagingException quoting = new MessagingException("535 bad credentials for " + SmtpTesting.PASSWORD);

        MailDeliveryException failure = SmtpMailer.failure(quoting, settings);

        assertThat(failure.getMessage()).contains("<redacted>").contains("cause withheld");
        assertThat(failure.getCause()).isNull();
        assertThat(SmtpTesting.printed(failure)).doesNotContain(SmtpTesting.PASSWORD);
    }

    @Test
    void a_failure_that_does_not_quote_the_password_keeps_its_cause() {
        MessagingException plain = new MessagingException("Connection refused");

        MailDeliveryException failure = SmtpMailer.failure(plain, withPassword(25, Duration.ofSeconds(5)));

        assertThat(failure).hasCause(plain).hasMessageContaining("Connection refused");
    }

    private static SmtpSettings withPassword(int port, Duration timeout) {
        return new SmtpSettings("127.0.0.1", port, Optional.of(SmtpTesting.USERNAME), Optional.of(SmtpTesting.PASSWORD),
                SmtpTesting.FROM, false, timeout);
    }
}
