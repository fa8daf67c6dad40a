package dev.coachkit.adapters.http.security;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** A block of IPv4 or IPv6 addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}, or one address). */
public final class IpRange {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private IpRange(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code address/prefix} or a bare address (a block of one).
     *
     * @throws IllegalArgumentException when it is not a literal address with a prefix that fits it
     */
    public static IpRange parse(String cidr) {
        Objects.requireNonNull(cidr, "cidr");
        String trimmed = cidr.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = IpAddresses.parse(address).map(InetAddress::getAddress)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: " + cidr));
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("CIDR prefix must be 0.." + bits + ": " + cidr);
            }
        }
        return new IpRange(mask(bytes, prefix), prefix, trimmed);
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    /** Whether {@code address} (a literal) is in this block; false for anything that is not an address. */
    public boolean contains(String address) {
        Optional<InetAddress> parsed = IpAddresses.parse(address);
        return parsed.isPresent() && contains(parsed.get());
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xFF << (8 - keep));
        }
        return masked;
    }

    @Override
    public String toString() {
        return text;
    }
}
