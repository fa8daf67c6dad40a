package dev.coachkit.adapters.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.notification.port.out.Mailer.Email;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SmtpMailer} logging in to a real embedded SMTP server that has a user with a password. */
class AuthenticatedSmtpMailerTest extends MailerContract {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(SmtpTesting.localSmtp())
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser(SmtpTesting.FROM, SmtpTesting.USERNAME, SmtpTesting.PASSWORD));

    @Override
    protected Mailer mailer() {
        return new SmtpMailer(SmtpTesting.settings(smtp.getSmtp().getPort(),
                Optional.of(SmtpTesting.USERNAME), Optional.of(SmtpTesting.PASSWORD), false));
    }

    @Override
    protected List<ReceivedEmail> delivered() {
        return SmtpTesting.received(smtp.getReceivedMessages());
    }

    @Test
    void wrong_password_is_refused_and_the_failure_does_not_reveal_it() {
        String wrong = "wrong-Pa55word-42";
        Mailer mailer = new SmtpMailer(SmtpTesting.settings(smtp.getSmtp().getPort(),
                Optional.of(SmtpTesting.USERNAME), Optional.of(wrong), false));

        Throwable failure = catchThrowable(() -> mailer.send(new Email("zoe@example.com", "Hi", "body")));

        assertThat(failure).isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("127.0.0.1:" + smtp.getSmtp().getPort());
        assertThat(SmtpTesting.printed(failure)).doesNotContain(wrong);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
