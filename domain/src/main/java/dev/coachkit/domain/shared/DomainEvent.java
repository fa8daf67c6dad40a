package dev.coachkit.domain.shared;

import java.time.Instant;

/**
 * Something that happened in a tenant, caused by an aggregate or a domain service, which return the
 * events of what they did. One record per event type, in the domain package of its bounded context
 * ({@code domain.community.PostCreated}); a consumer subscribes to the record's class. The application
 * records events in the same unit of work as the change and registers each type under a stable name
 * and version for the outbox and the transports.
 */
public interface DomainEvent {

    TenantId tenantId();

    Instant occurredAt();
}
