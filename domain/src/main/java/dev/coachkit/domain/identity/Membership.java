package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;

/** An account's role in one tenant. */
public record Membership(TenantId tenantId, AccountId accountId, Role role, Instant joinedAt) {

    public Membership {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
