package dev.coachkit.domain.admin;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A member's personal data was erased from the organization; their stored media must go too. */
public record MemberErased(
        TenantId tenantId, AccountId accountId, List<UUID> mediaIds, Instant occurredAt) implements DomainEvent {

    public MemberErased {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(accountId, "accountId");
        mediaIds = List.copyOf(Objects.requireNonNull(mediaIds, "mediaIds"));
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
