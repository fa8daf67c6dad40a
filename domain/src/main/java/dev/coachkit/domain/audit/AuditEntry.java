package dev.coachkit.domain.audit;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of a tenant's append-only audit trail: who did what to which target, from where.
 * {@code details} hold JSON-compatible values and never secrets.
 */
public record AuditEntry(
        UUID id, TenantId tenantId, String action, Optional<AccountId> actorId, String targetType, String targetId,
        Optional<String> clientIp, Instant occurredAt, Map<String, Object> details) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(occurredAt, "occurredAt");
        details = Map.copyOf(details);
        if (!action.matches("[a-z][a-z_]*(\\.[a-z][a-z_]*)+")) {
            throw new IllegalArgumentException("audit action must look like 'account.registered': " + action);
        }
    }
}
