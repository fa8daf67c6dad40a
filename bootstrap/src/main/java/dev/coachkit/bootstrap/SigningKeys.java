package dev.coachkit.bootstrap;

import dev.coachkit.adapters.crypto.tokens.JwtKey;
import dev.coachkit.adapters.crypto.tokens.JwtSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The access-token signing key from configuration: a secret, a PEM key pair, or — in single-node
 * mode only — a secret generated on first start and kept in the data directory (owner-only file);
 * beside a key pair, during a rotation, the previous pair's public key.
 */
final class SigningKeys {

    static final String GENERATED_SECRET_FILE = "jwt-secret";

    private SigningKeys() {}

    /** Issuer, audience, the signing key and the previous public key, if one is configured. */
    static JwtSettings settings(Configuration configuration) {
        Configuration.Security security = configuration.security();
        JwtSettings settings = JwtSettings.defaults(load(configuration))
                .withIssuer(security.jwtIssuer())
                .withAudience(security.jwtAudience());
        if (security.jwtPreviousPublicKeyFile().isEmpty()) {
            return settings;
        }
        try {
            return settings.withPreviousKey(JwtKey.publicOnly(Files.readString(security.jwtPreviousPublicKeyFile().get())));
        } catch (IOException e) {
            throw new UncheckedIOException("the previous access-token public key cannot be read", e);
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException(List.of(Setting.JWT_PREVIOUS_PUBLIC_KEY_FILE.variable() + ": "
                    + invalid.getMessage()));
        }
    }

    static JwtKey load(Configuration configuration) {
        Configuration.Security security = configuration.security();
        try {
            if (security.jwtSecret().isPresent()) {
                return JwtKey.hmac(secretBytes(security.jwtSecret().get()));
            }
            if (security.jwtPrivateKeyFile().isPresent()) {
                return JwtKey.fromPem(Files.readString(security.jwtPrivateKeyFile().get()),
                        Files.readString(security.jwtPublicKeyFile().orElseThrow()));
            }
            if (!configuration.singleNode()) {
                throw new ConfigurationException(List.of("with an external database several processes share tokens: set "
                        + Setting.JWT_SECRET.variable() + " or " + Setting.JWT_PRIVATE_KEY_FILE.variable() + "/"
                        + Setting.JWT_PUBLIC_KEY_FILE.variable()));
            }
            return JwtKey.hmac(Base64.getDecoder().decode(generatedSecret(configuration.dataDir())));
        } catch (IOException e) {
            throw new UncheckedIOException("the access-token key cannot be read", e);
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException(List.of("access-token key: " + invalid.getMessage()));
        }
    }

    /** Base64 when it decodes to at least 32 bytes, the raw text otherwise (the key checks its length). */
    private static byte[] secretBytes(String configured) {
        try {
            byte[] decoded = Base64.getDecoder().decode(configured.strip());
            if (decoded.length >= JwtKey.MIN_HMAC_SECRET_BYTES) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // a plain passphrase
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    private static String generatedSecret(Path dataDir) throws IOException {
        Path file = dataDir.resolve(GENERATED_SECRET_FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(dataDir);
            byte[] secret = new byte[64];
            new SecureRandom().nextBytes(secret);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            } catch (FileAlreadyExistsException raced) {
                // another start created it first; use theirs
            }
        }
        return Files.readString(file).strip();
    }
}
