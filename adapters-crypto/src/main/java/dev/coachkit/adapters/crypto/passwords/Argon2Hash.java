package dev.coachkit.adapters.crypto.passwords;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format that spring-security-crypto writes and stored hashes use:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, both in unpadded standard Base64.
 */
record Argon2Hash(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    static final int VERSION = 19;
    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    /** The hash a string holds; empty for anything else (another algorithm or version, or garbage). */
    static Optional<Argon2Hash> parse(String encoded) {
        Matcher parts = FORMAT.matcher(encoded);
        if (!parts.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Argon2Hash(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
                    Integer.parseInt(parts.group(3)), Base64.getDecoder().decode(parts.group(4)),
                    Base64.getDecoder().decode(parts.group(5))));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    String encoded() {
        return "$argon2id$v=" + VERSION + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }
}
