package dev.coachkit.adapters.messaging.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Parses one strict RFC 822 address (no lists, no groups), so no header can be smuggled through it. */
final class MailAddresses {

    private MailAddresses() {}

    /** The address in {@code value}; throws {@link IllegalArgumentException} naming {@code what} otherwise. */
    static InternetAddress parse(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        InternetAddress address;
        try {
            address = new InternetAddress(value, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(what + " is not a valid e-mail address: " + e.getMessage());
        }
        if (address.isGroup()) {
            throw new IllegalArgumentException(what + " must be one address, not a group");
        }
        return address;
    }
}
