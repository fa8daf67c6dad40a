package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.PasswordHasher;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 (JDK only) with a random salt and a deliberately LOW iteration count
 * ({@value #DEFAULT_ITERATIONS}): fast enough for tests and embedded demos, far too weak for
 * real passwords. Production uses adapters-crypto's Argon2id hasher.
 *
 * <p>Hashes read {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64, no padding).
 */
public final class InMemoryPasswordHasher implements PasswordHasher {

    /** Not a security parameter: OWASP asks for 600,000 for PBKDF2-SHA256. */
    public static final int DEFAULT_ITERATIONS = 1_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public InMemoryPasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public InMemoryPasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive, got " + iterations);
        }
        this.iterations = iterations;
    }

    @Override
    public String hash(String rawPassword) {
        Objects.requireNonNull(rawPassword, "rawPassword");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return String.join("$", PREFIX, Integer.toString(iterations), ENCODER.encodeToString(salt),
                ENCODER.encodeToString(derive(rawPassword, salt, iterations)));
    }

    /** False for a wrong password and for a hash in another format; never throws for either. */
    @Override
    public boolean matches(String rawPassword, String hash) {
        if (rawPassword == null) {
            return false;
        }
        Parsed parsed = Parsed.of(hash);
        return parsed != null && MessageDigest.isEqual(parsed.hash, derive(rawPassword, parsed.salt, parsed.iterations));
    }

    @Override
    public boolean needsRehash(String hash) {
        Parsed parsed = Parsed.of(hash);
        return parsed == null || parsed.iterations < iterations;
    }

    /** The JDK's PBKDF2-HMAC-SHA256, one 256-bit block. */
    static byte[] derive(String rawPassword, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(rawPassword.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The parts of a stored hash, or {@code null} when it is not one of ours. */
    private record Parsed(int iterations, byte[] salt, byte[] hash) {

        static Parsed of(String text) {
            if (text == null) {
                return null;
            }
            String[] parts = text.split("\\$", -1);
            if (parts.length != 4 || !parts[0].equals(PREFIX)) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] hash = Base64.getDecoder().decode(parts[3]);
                boolean sane = iterations > 0 && iterations <= 10_000_000 && salt.length > 0 && hash.length == HASH_BITS / 8;
                return sane ? new Parsed(iterations, salt, hash) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
