package dev.coachkit.adapters.messaging.mail;

import com.icegreen.greenmail.util.ServerSetup;
import dev.coachkit.adapters.messaging.mail.MailerContract.ReceivedEmail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Shared set-up for the SMTP tests: a GreenMail server on 127.0.0.1, settings, and reading what arrived. */
final class SmtpTesting {

    static final String USERNAME = "coach";
    static final String PASSWORD = "s3cret-Pa55-\u00e9";
    static final String FROM = "noreply@coachkit.test";

    private SmtpTesting() {}

    /** Plain SMTP on the loopback interface and a port the system picks. */
    static ServerSetup localSmtp() {
        return new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
    }

    static SmtpSettings settings(int port, Optional<String> username, Optional<String> password, boolean startTls) {
        return new SmtpSettings("127.0.0.1", port, username, password, FROM, startTls, Duration.ofSeconds(5));
    }

    /** What the server received, in the contract's terms (SMTP's CRLF read back as {@code \n}). */
    static List<ReceivedEmail> received(MimeMessage[] messages) {
        return Arrays.stream(messages).map(SmtpTesting::received).toList();
    }

    private static ReceivedEmail received(MimeMessage message) {
        try {
            InternetAddress to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
            String body = ((String) message.getContent()).replace("\r\n", "\n");
            return new ReceivedEmail(to.getAddress(), message.getSubject(), body);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received message", e);
        }
    }

    /** Everything a log would show of {@code failure}: messages and stack traces of the whole cause chain. */
    static String printed(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
