package dev.coachkit.domain.community;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A post was deleted, by its author or by someone who manages its space. */
public record PostDeleted(
        TenantId tenantId, UUID postId, UUID spaceId, AccountId authorId, AccountId deletedBy,
        Instant occurredAt) implements DomainEvent {

    public PostDeleted {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(deletedBy, "deletedBy");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
