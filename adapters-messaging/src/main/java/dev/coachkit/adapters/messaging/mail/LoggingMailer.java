package dev.coachkit.adapters.messaging.mail;

import dev.coachkit.application.notification.port.out.Mailer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer without a mail server: logs at INFO that an e-mail would go out, to whom and with which subject,
 * instead of sending it. The body is not logged: its links carry bearer secrets (an invitation's accept token),
 * and logs travel further than mailboxes. The inviter's API answer carries the accept token, so a developer can
 * still follow an invitation through. On a developer's single node the recipient's address is shown; on a
 * shared deployment logs are read by operators and shipped elsewhere, so only a fingerprint of it is.
 */
public final class LoggingMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailer.class);
    private static final int FINGERPRINT_HEX_DIGITS = 16;

    private final boolean showsRecipients;

    private LoggingMailer(boolean showsRecipients) {
        this.showsRecipients = showsRecipients;
    }

    /** For a developer's machine: the log names the recipient. */
    public static LoggingMailer namingRecipients() {
        return new LoggingMailer(true);
    }

    /** For shared deployments: the log carries {@link #fingerprint} of the recipient, never the address. */
    public static LoggingMailer fingerprintingRecipients() {
        return new LoggingMailer(false);
    }

    /**
     * What the log shows for an address on a shared deployment: the first hex digits of the SHA-256 of the
     * address in lower case, enough for an operator to match a known address. Unkeyed on purpose, so it reads
     * the same on every process and across restarts: it keeps addresses out of logs and log shipping, but
     * whoever already holds a list of candidate addresses can match them against it.
     */
    public static String fingerprint(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_HEX_DIGITS);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    /** Refuses an invalid recipient with {@link IllegalArgumentException}, as {@link SmtpMailer} does. */
    @Override
    public void send(Email email) {
        Objects.requireNonNull(email, "email");
        MailAddresses.parse(email.to(), "recipient");
        log.info("E-mail (logged, not sent) to {}, subject: {} (body withheld: {} characters)",
                showsRecipients ? email.to() : fingerprint(email.to()), escape(email.subject()), email.body().length());
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
