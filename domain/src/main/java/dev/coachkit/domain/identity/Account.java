package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.AccountId;
import java.time.Instant;
import java.util.Objects;

/** A person's global login: one e-mail and password, memberships in any number of tenants. */
public final class Account {

    /** What an erased account is called instead of its owner's name. */
    public static final PersonName ERASED_NAME = new PersonName("Former", "member");
    /** No password hashes to this: nobody signs in to an erased account. */
    public static final String ERASED_PASSWORD_HASH = "!erased";

    private final AccountId id;
    private final EmailAddress email;
    private final PersonName name;
    private final String passwordHash;
    private final Instant createdAt;
    private final boolean emailVerified;

    private Account(AccountId id, EmailAddress email, PersonName name, String passwordHash, Instant createdAt,
            boolean emailVerified) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = Objects.requireNonNull(email, "email");
        this.name = Objects.requireNonNull(name, "name");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.emailVerified = emailVerified;
    }

    /**
     * A new account, its e-mail not yet verified; the password must already be hashed (the raw one never
     * reaches the domain model).
     */
    public static Account create(AccountId id, EmailAddress email, PersonName name, String passwordHash, Instant now) {
        return new Account(id, email, name, passwordHash, now, false);
    }

    public static Account reconstitute(AccountId id, EmailAddress email, PersonName name, String passwordHash,
            Instant createdAt, boolean emailVerified) {
        return new Account(id, email, name, passwordHash, createdAt, emailVerified);
    }

    /** The same account with another password hash (a change, a reset, or stronger parameters). */
    public Account withPasswordHash(String newHash) {
        return new Account(id, email, name, newHash, createdAt, emailVerified);
    }

    /** The same account, its owner having shown that they receive mail at its address. */
    public Account withEmailVerified() {
        return new Account(id, email, name, passwordHash, createdAt, true);
    }

    /**
     * The same account with its personal data gone: an unusable password, no name, and an address
     * that cannot receive mail, so nobody can sign in as it or recognise it.
     */
    public Account erased() {
        return new Account(id, erasedEmail(id), ERASED_NAME, ERASED_PASSWORD_HASH, createdAt, false);
    }

    /** Whether the account was erased: it has no password, and nobody may give it one. */
    public boolean isErased() {
        return ERASED_PASSWORD_HASH.equals(passwordHash);
    }

    /** A unique address that cannot receive mail, in place of an erased account's e-mail. */
    public static EmailAddress erasedEmail(AccountId id) {
        return new EmailAddress("erased-" + id + "@erased.invalid");
    }

    public AccountId id() {
        return id;
    }

    public EmailAddress email() {
        return email;
    }

    public PersonName name() {
        return name;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Whether a verification or password-reset link sent to the address was followed. */
    public boolean emailVerified() {
        return emailVerified;
    }
}
