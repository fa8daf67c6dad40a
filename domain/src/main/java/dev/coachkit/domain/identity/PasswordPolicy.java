package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a new password must satisfy (NIST SP 800-63B §5.1.1.2: length and screening, no composition
 * rules): 8 to 128 characters, not on a list of common or breached passwords, and not containing the
 * name of its owner's e-mail address (the part before the {@code @}, compared case-insensitively, and
 * for a sub-address {@code ann+club@…} also the part before the {@code +}). A name shorter than
 * {@link #MIN_EMAIL_NAME_LENGTH} characters is not screened for: {@code a@x.io} would refuse every
 * password with an {@code a} in it.
 *
 * <p>Every flow that sets a password calls {@link #check(String, EmailAddress, Predicate)} (or, if it
 * learns the owner's e-mail only after hashing, {@link #checkWithoutEmail} and then {@link #checkEmailName}).
 * Refusals name the field {@value #FIELD} and the reason.
 */
public final class PasswordPolicy {

    public static final String FIELD = "password";
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    /** The shortest e-mail name (local part) a password is screened for; shorter names are skipped. */
    public static final int MIN_EMAIL_NAME_LENGTH = 3;

    static final String TOO_SHORT_OR_LONG = "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters";
    static final String CONTAINS_EMAIL_NAME = "must not contain your e-mail's name (the part before the @)";
    static final String TOO_COMMON = "is too common: it is on a list of common and breached passwords";

    private PasswordPolicy() {}

    /**
     * The whole rule for a password that the owner of {@code email} chooses.
     *
     * @param listed whether a password is on the list of common or breached passwords (case-insensitive)
     * @return {@code rawPassword}, unchanged
     * @throws InvalidInputException on field {@value #FIELD}, naming the reason
     */
    public static String check(String rawPassword, EmailAddress email, Predicate<String> listed) {
        return checkEmailName(checkWithoutEmail(rawPassword, listed), email);
    }

    /**
     * The part of the rule that does not depend on the owner: length and the list. Only for a flow that
     * learns the owner's e-mail after it must have screened and hashed the password (the hash is made
     * outside the transaction that reads the e-mail); it calls {@link #checkEmailName} once it knows it.
     */
    public static String checkWithoutEmail(String rawPassword, Predicate<String> listed) {
        Objects.requireNonNull(listed, "listed");
        int length = rawPassword == null ? 0 : rawPassword.codePointCount(0, rawPassword.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidInputException(FIELD, TOO_SHORT_OR_LONG);
        }
        if (listed.test(rawPassword)) {
            throw new InvalidInputException(FIELD, TOO_COMMON);
        }
        return rawPassword;
    }

    /**
     * The rest of the rule, for a password that has passed {@link #checkWithoutEmail}: it must not contain
     * the name of its owner's e-mail address.
     */
    public static String checkEmailName(String rawPassword, EmailAddress email) {
        Objects.requireNonNull(email, "email");
        String lowerCase = rawPassword.toLowerCase(Locale.ROOT);
        for (String name : emailNames(email)) {
            if (name.codePointCount(0, name.length()) >= MIN_EMAIL_NAME_LENGTH && lowerCase.contains(name)) {
                throw new InvalidInputException(FIELD, CONTAINS_EMAIL_NAME);
            }
        }
        return rawPassword;
    }

    /** The local part ({@link EmailAddress} is lower-case already) and, for {@code ann+tag}, {@code ann}. */
    private static String[] emailNames(EmailAddress email) {
        String local = email.value().substring(0, email.value().lastIndexOf('@'));
        int plus = local.indexOf('+');
        return plus > 0 ? new String[] {local, local.substring(0, plus)} : new String[] {local};
    }
}
