package dev.coachkit.domain.community;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A member was removed from a space. */
public record SpaceMemberRemoved(
        TenantId tenantId, UUID spaceId, AccountId accountId, AccountId removedBy, Instant occurredAt) implements DomainEvent {

    public SpaceMemberRemoved {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(removedBy, "removedBy");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
