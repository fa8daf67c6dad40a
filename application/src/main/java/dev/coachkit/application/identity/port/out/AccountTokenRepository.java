package dev.coachkit.application.identity.port.out;

import dev.coachkit.domain.identity.AccountToken;
import dev.coachkit.domain.identity.TokenHash;
import java.util.Optional;

/**
 * The password-reset and e-mail verification tokens that were mailed, by hash. Global, like accounts: a
 * token is presented before any tenant is known. Usable in any unit of work, with or without a tenant.
 */
public interface AccountTokenRepository {

    void add(AccountToken token);

    /** The token of this purpose with this hash, used or not, expired or not. */
    Optional<AccountToken> find(AccountToken.Purpose purpose, TokenHash hash);

    /**
     * Stores {@code redeemed}'s use if the token was still unused: false when another redemption came first,
     * so a token is used once even when two requests present it at the same instant.
     */
    boolean markUsed(AccountToken redeemed);
}
