package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A session as its owner sees it, one per signed-in device: the refresh-token family that a sign-in
 * started and every refresh continued. It was created at the sign-in, last used at the newest refresh,
 * from {@code lastDevice}; it lives as long as its newest refresh token and ends for good when revoked.
 * Its id is the {@code sid} of every access token issued in it.
 */
public record RefreshFamily(UUID id, AccountId accountId, TenantId tenantId, Instant createdAt, Instant lastUsedAt,
        Instant expiresAt, Instant revokedAt, ClientDevice lastDevice) {

    public RefreshFamily {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastDevice, "lastDevice");
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Neither revoked nor expired: its refresh token still works. */
    public boolean isLiveAt(Instant now) {
        return !isRevoked() && now.isBefore(expiresAt);
    }
}
