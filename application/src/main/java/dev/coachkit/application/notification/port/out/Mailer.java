package dev.coachkit.application.notification.port.out;

import java.util.Objects;

/** Sends e-mail (SMTP in production, a log line in single-node mode). */
public interface Mailer {

    /** Sends or throws; a consumer that throws gets the event redelivered. */
    void send(Email email);

    /** A plain-text message to one recipient. */
    record Email(String to, String subject, String body) {
        public Email {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
            if (to.contains("\n") || to.contains("\r") || subject.contains("\n") || subject.contains("\r")) {
                throw new IllegalArgumentException("header fields cannot contain line breaks");
            }
        }
    }
}
