package dev.coachkit.application.media.port.out;

import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The annotations of a tenant's media. */
public interface AnnotationRepository {

    /**
     * A page of a media's annotations with {@code atMs} between {@code fromMs} and {@code toMs} (both
     * included, each open when empty), by {@code atMs}, then {@code createdAt}, then id.
     */
    record MediaAnnotations(UUID mediaId, Optional<Long> fromMs, Optional<Long> toMs, PageRequest page) {

        public MediaAnnotations {
            Objects.requireNonNull(mediaId, "mediaId");
            fromMs = fromMs == null ? Optional.empty() : fromMs;
            toMs = toMs == null ? Optional.empty() : toMs;
            Objects.requireNonNull(page, "page");
        }
    }

    void add(Annotation annotation);

    Optional<Annotation> find(TenantId tenant, UUID id);

    /** Stores the annotation's new content; it must exist. */
    void update(Annotation annotation);

    /** Answers false when there was no such annotation (another unit of work deleted it first). */
    boolean delete(TenantId tenant, UUID id);

    Page<Annotation> list(TenantId tenant, MediaAnnotations query);
}
