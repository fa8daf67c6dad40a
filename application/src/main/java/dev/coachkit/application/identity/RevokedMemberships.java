package dev.coachkit.application.identity;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;

/**
 * A membership that ended while access tokens for it may still be valid (an erased member): its key
 * in the {@code TokenDenylist} refuses every such token until the longest one has expired.
 */
public final class RevokedMemberships {

    private RevokedMemberships() {}

    public static String key(TenantId tenant, AccountId account) {
        return "membership:" + tenant + ":" + account;
    }
}
