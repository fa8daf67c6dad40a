package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.InvalidInputException;

/** What a new password must satisfy: 8 to 128 characters (NIST 800-63B: length, not composition rules). */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    public static String check(String rawPassword) {
        int length = rawPassword == null ? 0 : rawPassword.codePointCount(0, rawPassword.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidInputException("password", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        return rawPassword;
    }
}
