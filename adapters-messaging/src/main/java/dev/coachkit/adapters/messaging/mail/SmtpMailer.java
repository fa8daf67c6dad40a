package dev.coachkit.adapters.messaging.mail;

import dev.coachkit.application.notification.port.out.Mailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends each e-mail as UTF-8 plain text over its own SMTP connection (Jakarta Mail, Angus implementation). */
public final class SmtpMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpSettings settings;
    private final InternetAddress from;
    private final Session session;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.from = MailAddresses.parse(settings.from(), "SMTP sender (from)");
        this.session = Session.getInstance(properties(settings, from));
    }

    /** Refuses an invalid recipient with {@link IllegalArgumentException}; throws {@link MailDeliveryException} otherwise. */
    @Override
    public void send(Email email) {
        Objects.requireNonNull(email, "email");
        InternetAddress recipient = MailAddresses.parse(email.to(), "recipient");
        Transport transport = null;
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, recipient);
            message.setSubject(email.subject(), UTF_8);
            message.setText(email.body(), UTF_8);
            message.saveChanges();
            transport = session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(),
                    settings.username().orElse(null), settings.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw failure(e, settings);
        }
        // The server has accepted the message: a failing QUIT must not get it sent twice.
        closeQuietly(transport);
    }

    private static Properties properties(SmtpSettings settings, InternetAddress from) {
        String millis = Long.toString(settings.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", millis);
        p.setProperty("mail.smtp.timeout", millis);
        p.setProperty("mail.smtp.writetimeout", millis);
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.setProperty("mail.smtp.from", from.getAddress());
        p.setProperty("mail.from", from.getAddress()); // Message-ID domain, instead of a local host name lookup
        p.setProperty("mail.debug", "false");
        return p;
    }

    /** The exception for a failed delivery: the password is cut from its text, and a cause that quotes it is dropped. */
    static MailDeliveryException failure(MessagingException e, SmtpSettings settings) {
        String where = "SMTP delivery via " + settings.host() + ":" + settings.port() + " failed: ";
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        boolean quoted = settings.password().filter(pw -> chainQuotes(e, pw)).isPresent();
        String text = settings.password().map(pw -> redact(detail, pw)).orElse(detail);
        return quoted
                ? new MailDeliveryException(where + text + " (cause withheld: it quoted the password)", null)
                : new MailDeliveryException(where + text, e);
    }

    private static boolean chainQuotes(Throwable e, String password) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            String message = t.getMessage();
            if (message != null && !redact(message, password).equals(message)) {
                return true;
            }
        }
        return false;
    }

    private static String redact(String text, String password) {
        String plain = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
        return text.replace(password, "<redacted>").replace(plain, "<redacted>");
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("Closing the SMTP connection failed ({})", e.getClass().getSimpleName());
        }
    }
}
