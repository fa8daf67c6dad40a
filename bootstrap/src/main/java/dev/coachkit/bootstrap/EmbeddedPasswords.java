package dev.coachkit.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The passwords of the embedded cluster's roles: generated once into the data directory (an
 * owner-only file), read again on every later start. Whoever can read the file could read the
 * cluster's files as well, so it protects against other local users, not against the owner.
 */
record EmbeddedPasswords(String superuser, String runtime, String worker) {

    static final String FILE = "postgres-passwords";

    /** Never the passwords themselves. */
    @Override
    public String toString() {
        return "EmbeddedPasswords[" + FILE + "]";
    }

    static EmbeddedPasswords loadOrGenerate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                generate(dataDir, file);
            }
            Properties stored = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            }
            return new EmbeddedPasswords(required(stored, "superuser", file), required(stored, "runtime", file),
                    required(stored, "worker", file));
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL's passwords cannot be kept in " + file, e);
        }
    }

    /**
     * Written whole under a temporary name, then moved into place in one step: a start killed midway
     * leaves no file, or a complete one, never an empty file that would lock the cluster for good.
     */
    private static void generate(Path dataDir, Path file) throws IOException {
        Files.createDirectories(dataDir);
        SecureRandom random = new SecureRandom();
        Properties generated = new Properties();
        for (String role : new String[] {"superuser", "runtime", "worker"}) {
            generated.setProperty(role, password(random));
        }
        Path pending = Files.createTempFile(dataDir, FILE, ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (Writer writer = Files.newBufferedWriter(pending)) {
                generated.store(writer, "Passwords of the embedded PostgreSQL's roles, generated on first start");
            }
            Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(pending);
        }
    }

    /** 256 random bits, URL-safe base64: no quote or backslash to escape anywhere. */
    private static String password(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String required(Properties stored, String role, Path file) {
        String password = stored.getProperty(role);
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(file + " has no password for " + role
                    + "; restore it from a backup of the data directory");
        }
        return password;
    }
}
