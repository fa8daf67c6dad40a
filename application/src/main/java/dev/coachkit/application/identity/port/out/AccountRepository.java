package dev.coachkit.application.identity.port.out;

import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.shared.AccountId;
import java.util.Optional;
import java.util.UUID;

/** Global accounts; usable in any unit of work, with or without a tenant. */
public interface AccountRepository {

    /** Adds the account; a taken e-mail (compared case-insensitively) is a {@code ConflictException}. */
    void add(Account account);

    /**
     * Writes the account's password hash, name, zone and verification, but not its avatar, which only
     * {@link #changeAvatar} and {@link #clearAvatar} write: a flow that read the account before its avatar's
     * media was deleted (a sign-in, a password change) must not bring the avatar back.
     */
    void update(Account account);

    /** Sets or removes the account's avatar, as a profile change chose it ({@code Account.withAvatar}). */
    void changeAvatar(AccountId account, Optional<UUID> mediaId);

    Optional<Account> findById(AccountId id);

    Optional<Account> findByEmail(EmailAddress email);

    /**
     * Takes the media asset {@code mediaId} off every account showing it as avatar, in the unit of work
     * deleting that asset, so no profile points at deleted media.
     */
    void clearAvatar(UUID mediaId);
}
