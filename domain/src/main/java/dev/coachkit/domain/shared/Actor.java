package dev.coachkit.domain.shared;

import java.util.Objects;

/** Who performs a use case: the account, the tenant it acts in and its role there. Always explicit. */
public record Actor(TenantId tenantId, AccountId accountId, Role role) {

    public Actor {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
