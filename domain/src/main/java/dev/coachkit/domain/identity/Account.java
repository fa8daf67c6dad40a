package dev.coachkit.domain.identity;

import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaKind;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.InvalidInputException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's global login: one e-mail and password, memberships in any number of tenants, and a profile
 * (name, time zone, avatar) that is the same in all of them.
 */
public final class Account {

    /** What an erased account is called instead of its owner's name. */
    public static final PersonName ERASED_NAME = new PersonName("Former", "member");
    /** No password hashes to this: nobody signs in to an erased account. */
    public static final String ERASED_PASSWORD_HASH = "!erased";

    /**
     * What an avatar id that names no media of the caller's organization is told: the same words as
     * another member's upload, so the answer does not tell which ids exist.
     */
    public static final String NOT_YOUR_MEDIA = "must be a media asset you uploaded to this organization";

    private final AccountId id;
    private final EmailAddress email;
    private final PersonName name;
    private final String passwordHash;
    private final Instant createdAt;
    private final boolean emailVerified;
    private final IanaTimeZone timeZone;
    private final UUID avatarMediaId;

    private Account(AccountId id, EmailAddress email, PersonName name, String passwordHash, Instant createdAt,
            boolean emailVerified, IanaTimeZone timeZone, UUID avatarMediaId) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = Objects.requireNonNull(email, "email");
        this.name = Objects.requireNonNull(name, "name");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.emailVerified = emailVerified;
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.avatarMediaId = avatarMediaId;
    }

    /**
     * A new account in UTC without an avatar, its e-mail not yet verified; the password must already be
     * hashed (the raw one never reaches the domain model).
     */
    public static Account create(AccountId id, EmailAddress email, PersonName name, String passwordHash, Instant now) {
        return new Account(id, email, name, passwordHash, now, false, IanaTimeZone.UTC, null);
    }

    public static Account reconstitute(AccountId id, EmailAddress email, PersonName name, String passwordHash,
            Instant createdAt, boolean emailVerified, IanaTimeZone timeZone, Optional<UUID> avatarMediaId) {
        return new Account(id, email, name, passwordHash, createdAt, emailVerified, timeZone,
                avatarMediaId.orElse(null));
    }

    /** The same account with another password hash (a change, a reset, or stronger parameters). */
    public Account withPasswordHash(String newHash) {
        return new Account(id, email, name, newHash, createdAt, emailVerified, timeZone, avatarMediaId);
    }

    /** The same account, its owner having shown that they receive mail at its address. */
    public Account withEmailVerified() {
        return new Account(id, email, name, passwordHash, createdAt, true, timeZone, avatarMediaId);
    }

    /** The same account under another name. */
    public Account withName(PersonName newName) {
        return new Account(id, email, newName, passwordHash, createdAt, emailVerified, timeZone, avatarMediaId);
    }

    /** The same account reading times in another zone. */
    public Account withTimeZone(IanaTimeZone newZone) {
        return new Account(id, email, name, passwordHash, createdAt, emailVerified, newZone, avatarMediaId);
    }

    /**
     * The same account showing {@code image} as its avatar: an image this account uploaded that finished
     * processing, so clients always find a thumbnail behind it and nobody can wear another member's picture.
     *
     * @throws InvalidInputException naming {@code avatarMediaId} otherwise
     */
    public Account withAvatar(MediaAsset image) {
        if (!image.uploader().equals(id)) {
            throw new InvalidInputException("avatarMediaId", NOT_YOUR_MEDIA);
        }
        if (image.kind() != MediaKind.IMAGE) {
            throw new InvalidInputException("avatarMediaId", "must be an image, not a " + image.kind().name()
                    .toLowerCase(Locale.ROOT));
        }
        if (image.status() != MediaStatus.READY) {
            throw new InvalidInputException("avatarMediaId", "must be READY; this image is " + image.status());
        }
        return new Account(id, email, name, passwordHash, createdAt, emailVerified, timeZone, image.id());
    }

    /** The same account without an avatar. */
    public Account withoutAvatar() {
        return new Account(id, email, name, passwordHash, createdAt, emailVerified, timeZone, null);
    }

    /**
     * The same account with its personal data gone: an unusable password, no name, avatar or time
     * zone, and an address that cannot receive mail, so nobody can sign in as it or recognise it.
     */
    public Account erased() {
        return new Account(id, erasedEmail(id), ERASED_NAME, ERASED_PASSWORD_HASH, createdAt, false,
                IanaTimeZone.UTC, null);
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

    public IanaTimeZone timeZone() {
        return timeZone;
    }

    /** The READY image shown for this person; empty when none was chosen or it was deleted since. */
    public Optional<UUID> avatarMediaId() {
        return Optional.ofNullable(avatarMediaId);
    }
}
