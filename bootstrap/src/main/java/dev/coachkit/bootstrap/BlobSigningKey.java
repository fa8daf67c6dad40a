package dev.coachkit.bootstrap;

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
 * The HMAC key of the local blob store's URLs: configured, or generated on first start and kept in
 * the data directory (owner-only file), so URLs survive a restart.
 */
final class BlobSigningKey {

    static final String GENERATED_KEY_FILE = "blob-signing-key";
    static final int MIN_BYTES = 32;

    private BlobSigningKey() {}

    static byte[] load(Configuration configuration) {
        byte[] key = configuration.media().blobSigningKey().map(BlobSigningKey::keyBytes)
                .orElseGet(() -> generated(configuration.dataDir()));
        if (key.length < MIN_BYTES) {
            throw new ConfigurationException(List.of(Setting.BLOB_SIGNING_KEY.variable() + " needs at least "
                    + MIN_BYTES + " bytes"));
        }
        return key;
    }

    /** Base64 when it decodes to at least 32 bytes, the raw text otherwise. */
    private static byte[] keyBytes(String configured) {
        try {
            byte[] decoded = Base64.getDecoder().decode(configured.strip());
            if (decoded.length >= MIN_BYTES) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // a plain passphrase
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] generated(Path dataDir) {
        Path file = dataDir.resolve(GENERATED_KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] key = new byte[MIN_BYTES * 2];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key));
                } catch (FileAlreadyExistsException raced) {
                    // another start created it first; use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("the blob signing key cannot be kept in " + dataDir, e);
        }
    }
}
