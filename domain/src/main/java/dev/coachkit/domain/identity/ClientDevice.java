package dev.coachkit.domain.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a session was used from, as the request showed it: the client address and the
 * {@code User-Agent} header, either unknown. Personal data: kept on the session (refresh-token family)
 * only while the session lives, exported and erased with the member's other data.
 */
public record ClientDevice(Optional<String> ip, Optional<String> userAgent) {

    /** The longest user agent kept; real ones are a few hundred characters, a header may be kilobytes. */
    public static final int MAX_USER_AGENT = 512;
    private static final int MAX_IP = 64;

    public ClientDevice {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(userAgent, "userAgent");
        ip = ip.map(ClientDevice::printable).map(value -> cut(value, MAX_IP)).filter(value -> !value.isEmpty());
        userAgent = userAgent.map(ClientDevice::printable).map(value -> cut(value, MAX_USER_AGENT))
                .filter(value -> !value.isEmpty());
    }

    /** Nothing known about the client (a session started outside HTTP, or before devices were recorded). */
    public static ClientDevice unknown() {
        return new ClientDevice(Optional.empty(), Optional.empty());
    }

    public static ClientDevice of(Optional<String> ip, Optional<String> userAgent) {
        return new ClientDevice(ip == null ? Optional.empty() : ip,
                userAgent == null ? Optional.empty() : userAgent);
    }

    /** Control characters out (a header value shown back in a list must not carry any), spaces trimmed. */
    private static String printable(String value) {
        return value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    private static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
