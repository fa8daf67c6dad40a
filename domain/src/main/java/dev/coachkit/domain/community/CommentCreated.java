package dev.coachkit.domain.community;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Someone commented on a post. */
public record CommentCreated(
        TenantId tenantId, UUID commentId, UUID postId, UUID spaceId, AccountId authorId,
        AccountId postAuthorId, Instant occurredAt) implements DomainEvent {

    public CommentCreated {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(commentId, "commentId");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(postAuthorId, "postAuthorId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
