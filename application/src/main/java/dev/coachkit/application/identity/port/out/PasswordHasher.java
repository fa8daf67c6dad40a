package dev.coachkit.application.identity.port.out;

/** One-way password hashing; the adapter chooses the algorithm and its cost (Argon2id in production). */
public interface PasswordHasher {

    String hash(String rawPassword);

    boolean matches(String rawPassword, String hash);

    /** True when the hash was made with weaker parameters than the current ones and should be replaced. */
    boolean needsRehash(String hash);
}
