package dev.coachkit.adapters.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.notification.port.out.Mailer.Email;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SmtpMailer} against a real embedded SMTP server (GreenMail on 127.0.0.1, a free port), no login. */
class SmtpMailerTest extends MailerContract {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(SmtpTesting.localSmtp());

    @Override
    protected Mailer mailer() {
        return new SmtpMailer(SmtpTesting.settings(smtp.getSmtp().getPort(), Optional.empty(), Optional.empty(), false));
    }

    @Override
    protected List<ReceivedEmail> delivered() {
        return SmtpTesting.received(smtp.getReceivedMessages());
    }

    @Test
    void message_is_utf8_plain_text_from_the_configured_sender() throws MessagingException {
        mailer().send(new Email("zoe@example.com", "Grüße ✓", "Grüße ✓"));

        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getFrom()).containsExactly(new InternetAddress("noreply@coachkit.test"));
        assertThat(message.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(message.getHeader("Subject")[0]).startsWithIgnoringCase("=?UTF-8?");
        assertThat(message.getHeader("Date")).isNotEmpty();
        assertThat(message.getMessageID()).endsWith("@coachkit.test>");
    }

    @Test
    void required_starttls_that_the_server_does_not_offer_fails_before_sending() {
        Mailer mailer = new SmtpMailer(SmtpTesting.settings(smtp.getSmtp().getPort(),
                Optional.of("coach"), Optional.of(SmtpTesting.PASSWORD), true));

        assertThatThrownBy(() -> mailer.send(new Email("zoe@example.com", "Hi", "body")))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("127.0.0.1:" + smtp.getSmtp().getPort())
                .hasMessageContaining("STARTTLS")
                .satisfies(failure -> assertThat(SmtpTesting.printed(failure)).doesNotContain(SmtpTesting.PASSWORD));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void invalid_recipient_never_reaches_the_server() {
        assertThatThrownBy(() -> mailer().send(new Email("zoe@example.com\u0000bcc@evil.test", "Hi", "body")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
