package dev.coachkit.domain.community;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A member shared a post in a space. */
public record PostCreated(
        TenantId tenantId, UUID postId, UUID spaceId, AccountId authorId, PostType type,
        Optional<String> title, Instant occurredAt) implements DomainEvent {

    public PostCreated {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
