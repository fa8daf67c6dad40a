package dev.coachkit.domain.community;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A member of the organization was added to a space. */
public record SpaceMemberAdded(
        TenantId tenantId, UUID spaceId, AccountId accountId, SpaceRole role, AccountId addedBy,
        Instant occurredAt) implements DomainEvent {

    public SpaceMemberAdded {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
