package dev.coachkit.domain.community;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An account's membership in one space. */
public record SpaceMember(TenantId tenantId, UUID spaceId, AccountId accountId, SpaceRole role, Instant addedAt) {

    public SpaceMember {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /** The event of adding this member to the space. */
    public SpaceMemberAdded addedBy(AccountId addedBy) {
        return new SpaceMemberAdded(tenantId, spaceId, accountId, role, addedBy, addedAt);
    }
}
