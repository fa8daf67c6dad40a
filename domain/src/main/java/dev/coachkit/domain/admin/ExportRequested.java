package dev.coachkit.domain.admin;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An export of one member's data (or, without a member, the whole organization's) was requested. */
public record ExportRequested(
        TenantId tenantId, UUID exportId, Optional<AccountId> member, Instant occurredAt) implements DomainEvent {

    public ExportRequested {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(exportId, "exportId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
