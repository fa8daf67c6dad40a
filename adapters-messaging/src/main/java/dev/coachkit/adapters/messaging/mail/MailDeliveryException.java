package dev.coachkit.adapters.messaging.mail;

/** An e-mail could not be handed to the SMTP server; the message never contains the SMTP password. */
public final class MailDeliveryException extends RuntimeException {

    MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
