package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A single-use secret mailed to an address: a password-reset link (bound to the account it resets) or an
 * e-mail verification link (bound to the address, so that an invitation can carry one before the invitee
 * has an account). Only the token's hash is kept.
 */
public final class AccountToken {

    /** What following the link does. */
    public enum Purpose { PASSWORD_RESET, EMAIL_VERIFICATION }

    /** The one answer for a token that cannot be redeemed, whichever check failed. */
    public static final String UNUSABLE = "is unknown, expired or already used";

    private final UUID id;
    private final Purpose purpose;
    private final TokenHash hash;
    private final EmailAddress email;
    private final Optional<AccountId> account;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Optional<Instant> usedAt;

    private AccountToken(UUID id, Purpose purpose, TokenHash hash, EmailAddress email, Optional<AccountId> account,
            Instant issuedAt, Instant expiresAt, Optional<Instant> usedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.hash = Objects.requireNonNull(hash, "hash");
        this.email = Objects.requireNonNull(email, "email");
        this.account = Objects.requireNonNull(account, "account");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.usedAt = Objects.requireNonNull(usedAt, "usedAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
        if (purpose == Purpose.PASSWORD_RESET && account.isEmpty()) {
            throw new IllegalArgumentException("a password reset is for one account");
        }
    }

    /** A reset of this account's password, valid for {@code validity}. */
    public static AccountToken passwordReset(UUID id, Account account, TokenHash hash, Instant now, Duration validity) {
        return new AccountToken(id, Purpose.PASSWORD_RESET, hash, account.email(), Optional.of(account.id()), now,
                now.plus(validity), Optional.empty());
    }

    /** Proof of receiving mail at {@code email}, for whichever account has that address when it is redeemed. */
    public static AccountToken emailVerification(UUID id, EmailAddress email, TokenHash hash, Instant now,
            Duration validity) {
        return new AccountToken(id, Purpose.EMAIL_VERIFICATION, hash, email, Optional.empty(), now,
                now.plus(validity), Optional.empty());
    }

    public static AccountToken reconstitute(UUID id, Purpose purpose, TokenHash hash, EmailAddress email,
            Optional<AccountId> account, Instant issuedAt, Instant expiresAt, Optional<Instant> usedAt) {
        return new AccountToken(id, purpose, hash, email, account, issuedAt, expiresAt, usedAt);
    }

    /**
     * The token used now; refused (400, field {@code token}) when used before or expired. The caller stores
     * the use conditionally, so that of two concurrent redemptions one wins.
     */
    public AccountToken redeem(Instant now) {
        if (usedAt.isPresent() || !now.isBefore(expiresAt)) {
            throw unusable();
        }
        return new AccountToken(id, purpose, hash, email, account, issuedAt, expiresAt, Optional.of(now));
    }

    /** The error of a token that is unknown, expired or used: the three are not told apart. */
    public static InvalidInputException unusable() {
        return new InvalidInputException("token", UNUSABLE);
    }

    public UUID id() {
        return id;
    }

    public Purpose purpose() {
        return purpose;
    }

    public TokenHash hash() {
        return hash;
    }

    public EmailAddress email() {
        return email;
    }

    public Optional<AccountId> account() {
        return account;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> usedAt() {
        return usedAt;
    }
}
