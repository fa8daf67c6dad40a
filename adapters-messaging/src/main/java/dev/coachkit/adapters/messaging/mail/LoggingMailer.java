package dev.coachkit.adapters.messaging.mail;

import dev.coachkit.application.notification.port.out.Mailer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The single-node mailer: writes each e-mail to the log at INFO instead of sending it, so a developer can follow its links. */
public final class LoggingMailer implements Mailer {

    /** Put before every body line, so no body line can pass for a log line of its own. */
    static final String BODY_PREFIX = "    | ";

    private static final Logger log = LoggerFactory.getLogger(LoggingMailer.class);

    /** Refuses an invalid recipient with {@link IllegalArgumentException}, as {@link SmtpMailer} does. */
    @Override
    public void send(Email email) {
        Objects.requireNonNull(email, "email");
        MailAddresses.parse(email.to(), "recipient");
        log.info("E-mail (logged, not sent) to {}, subject: {}\n{}", email.to(), escape(email.subject()), quote(email.body()));
    }

    private static String quote(String body) {
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\r\n|\r|\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(BODY_PREFIX).append(escape(line));
        }
        return out.toString();
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
