package dev.coachkit.application.identity.port.out;

import dev.coachkit.domain.identity.ClientDevice;
import dev.coachkit.domain.identity.RefreshFamily;
import dev.coachkit.domain.identity.RefreshToken;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens (by hash only) and their families, one family per signed-in device; global, like
 * accounts. Revocation belongs to the family: a token is revoked when its family is, including a token
 * added to the family after it was revoked.
 */
public interface RefreshTokenStore {

    /**
     * Stores a new token and records the use on its family, in one step: a family the token starts is
     * created (created and last used at the token's issue, from {@code device}); an existing one is marked
     * used at the token's issue from {@code device} and lives until the token expires.
     */
    void add(RefreshToken token, ClientDevice device);

    /** The token with that hash; {@code revokedAt} is its family's revocation. */
    Optional<RefreshToken> findByHash(TokenHash hash);

    /**
     * Marks the token as replaced if it is still unrotated and its family unrevoked — atomically, so two
     * concurrent refreshes of one token cannot both succeed. False when it was already used or revoked.
     */
    boolean markRotated(UUID tokenId, Instant at);

    /** Revokes the family, so none of its tokens works any more (logout, or reuse of a rotated token). */
    void revokeFamily(UUID familyId, Instant at);

    /** The account's families that are neither revoked nor expired at {@code now}, most recently used first. */
    List<RefreshFamily> liveFamiliesOf(AccountId account, Instant now);

    /**
     * Revokes the family if it is one of the account's live families at {@code at}; false, changing
     * nothing, for another account's family, a revoked or expired one or an unknown id.
     */
    boolean revokeLiveFamily(AccountId account, UUID familyId, Instant at);

    /** Revokes every unrevoked family of the account but {@code keep}; returns the ids it revoked. */
    List<UUID> revokeFamiliesExcept(AccountId account, UUID keep, Instant at);

    /** Revokes every unrevoked family of the account (a password reset); returns the ids it revoked. */
    List<UUID> revokeAllFamilies(AccountId account, Instant at);
}
