package dev.coachkit.adapters.messaging.mail;

import dev.coachkit.application.notification.port.out.Mailer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-node mailer: logs at INFO that an e-mail would go out, to whom and with which subject, instead
 * of sending it. The body is not logged: its links carry bearer secrets (an invitation's accept token), and
 * logs travel further than mailboxes. The inviter's API answer carries the accept token, so a developer can
 * still follow an invitation through without a mail server.
 */
public final class LoggingMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailer.class);

    /** Refuses an invalid recipient with {@link IllegalArgumentException}, as {@link SmtpMailer} does. */
    @Override
    public void send(Email email) {
        Objects.requireNonNull(email, "email");
        MailAddresses.parse(email.to(), "recipient");
        log.info("E-mail (logged, not sent) to {}, subject: {} (body withheld: {} characters)", email.to(),
                escape(email.subject()), email.body().length());
    }

    /** Control characters (terminal escapes and the like) are shown as {@code \\uXXXX}; tabs are kept. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (Character.isISOControl(c) && c != '\t') {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
