package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One refresh token of a login session. Each refresh replaces the token by a new one of the same
 * family; a replaced token presented again means it was stolen, and the whole family is revoked.
 * {@code revokedAt} is when its family ({@link RefreshFamily}) was revoked: revocation belongs to the family.
 */
public record RefreshToken(
        UUID id, UUID familyId, AccountId accountId, TenantId tenantId, TokenHash tokenHash,
        Instant issuedAt, Instant expiresAt, Instant rotatedAt, Instant revokedAt) {

    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a refresh token must expire after it is issued");
        }
    }

    /** A fresh, unused token. */
    public static RefreshToken issue(UUID id, UUID familyId, AccountId accountId, TenantId tenantId,
            TokenHash tokenHash, Instant now, Instant expiresAt) {
        return new RefreshToken(id, familyId, accountId, tenantId, tokenHash, now, expiresAt, null, null);
    }

    public boolean wasRotated() {
        return rotatedAt != null;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
