package dev.coachkit.adapters.http.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals without ever asking DNS, and keys addresses for rate limiting. */
public final class IpAddresses {

    // strict octets: an out-of-range or zero-padded literal is not an address to InetAddress, so it would look it up
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(" + OCTET + "(?:\\." + OCTET + "){3}):\\d{1,5}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]{2,45}(?:%[A-Za-z0-9_.-]{1,32})?)](?::\\d{1,5})?");

    private IpAddresses() {}

    /**
     * The address a literal names: IPv4 ({@code 203.0.113.7}, optionally with {@code :port}) or IPv6
     * ({@code 2001:db8::1}, optionally {@code [bracketed]:port} as Jetty reports peers); empty for anything
     * else, host names included.
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.trim();
        var withPort = IPV4_WITH_PORT.matcher(candidate);
        var bracketed = BRACKETED_IPV6.matcher(candidate);
        if (withPort.matches()) {
            candidate = withPort.group(1);
        } else if (bracketed.matches()) {
            candidate = bracketed.group(1);
        }
        int zone = candidate.indexOf('%');
        if (zone > 0 && candidate.indexOf(':') >= 0) {
            candidate = candidate.substring(0, zone); // fe80::1%eth0: the zone names an interface of ours
        }
        boolean literal = IPV4.matcher(candidate).matches() || (candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches());
        if (!literal) {
            return Optional.empty(); // never hand a host name to InetAddress: it would resolve it
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The rate-limit identity of an address: the address itself for IPv4, its /64 network for IPv6,
     * since one subscriber usually holds a whole /64 and could otherwise rotate through it.
     */
    public static String limitKey(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
        }
        return key.append(":/64").toString();
    }
}
