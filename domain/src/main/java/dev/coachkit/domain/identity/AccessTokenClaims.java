package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What an access token asserts: who ({@code sub}), in which tenant ({@code tid}), as what, until when, and
 * the session it belongs to ({@code sid}: the refresh-token family), so that ending the session ends it.
 */
public record AccessTokenClaims(AccountId accountId, TenantId tenantId, Role role, String tokenId, UUID sessionId,
        Instant issuedAt, Instant expiresAt) {

    public AccessTokenClaims {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("an access token must expire after it is issued");
        }
    }

    public Actor actor() {
        return new Actor(tenantId, accountId, role);
    }
}
