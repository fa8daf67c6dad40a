package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Someone annotated a media. Names who should hear of it: the media's uploader and the authors of the posts
 * that carry the media (the annotator is among them when they annotated their own media); and where the media
 * is shared: its space and the spaces of those posts, whose readers read the media.
 */
public record AnnotationCreated(TenantId tenantId, UUID annotationId, UUID mediaId, AccountId authorId,
        AccountId uploaderId, Set<AccountId> postAuthorIds, Set<UUID> spaceIds, long atMs, Instant occurredAt)
        implements DomainEvent {

    public AnnotationCreated {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(annotationId, "annotationId");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(uploaderId, "uploaderId");
        postAuthorIds = Set.copyOf(postAuthorIds);
        spaceIds = Set.copyOf(spaceIds);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
