package dev.coachkit.adapters.messaging.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how {@link SmtpMailer} delivers: server, optional credentials (both or neither), sender address,
 * whether STARTTLS is required, and the connect/read/write timeout; {@link #toString()} never shows the password.
 */
public record SmtpSettings(
        String host,
        int port,
        Optional<String> username,
        Optional<String> password,
        String from,
        boolean startTls,
        Duration timeout) {

    /** A timeout for callers with no opinion: long enough for a slow relay, short enough not to stall a consumer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        if (host.isBlank() || host.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("SMTP host must be a host name or address");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port must be between 1 and 65535, was " + port);
        }
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("SMTP username and password must be set together or not at all");
        }
        if (username.filter(String::isBlank).isPresent() || password.filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException("SMTP username and password must not be empty when set");
        }
        MailAddresses.parse(from, "SMTP sender (from)");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("SMTP timeout must be positive and under 24 days, was " + timeout);
        }
    }

    /** Whether the mailer logs in before sending. */
    public boolean authenticates() {
        return username.isPresent();
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username.orElse("<none>")
                + ", password=" + (password.isPresent() ? "<redacted>" : "<none>") + ", from=" + from
                + ", startTls=" + startTls + ", timeout=" + timeout + "]";
    }
}
