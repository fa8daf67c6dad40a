package dev.coachkit.application.media;

import dev.coachkit.application.events.EventPayload;
import dev.coachkit.application.events.EventType;
import dev.coachkit.domain.media.AnnotationCreated;
import dev.coachkit.domain.media.MediaDeleted;
import dev.coachkit.domain.media.MediaProcessed;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.media.MediaUploaded;
import dev.coachkit.domain.shared.AccountId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** How media's events are stored: names, subjects and payload keys as version 1 wrote them. */
public final class MediaEventTypes {

    private MediaEventTypes() {}

    public static List<EventType<?>> all() {
        return List.of(MEDIA_UPLOADED, MEDIA_PROCESSED, MEDIA_DELETED, ANNOTATION_CREATED);
    }

    static final EventType<MediaUploaded> MEDIA_UPLOADED =
            EventType.of(MediaUploaded.class, "media.uploaded", "media", MediaUploaded::mediaId)
                    .writing(event -> EventPayload.builder().put("objectKey", event.objectKey())
                            .put("contentType", event.contentType()).put("sizeBytes", event.sizeBytes()).build())
                    .reading((head, payload) -> new MediaUploaded(head.tenantId(), head.subjectId(),
                            payload.string("objectKey"), payload.string("contentType"), payload.number("sizeBytes"),
                            head.occurredAt()));

    static final EventType<MediaProcessed> MEDIA_PROCESSED =
            EventType.of(MediaProcessed.class, "media.processed", "media", MediaProcessed::mediaId)
                    .writing(event -> EventPayload.builder().put("status", event.status())
                            .put("failureReason", event.failureReason()).build())
                    .reading((head, payload) -> new MediaProcessed(head.tenantId(), head.subjectId(),
                            payload.constant("status", MediaStatus.class), payload.optionalString("failureReason"),
                            head.occurredAt()));

    static final EventType<MediaDeleted> MEDIA_DELETED =
            EventType.of(MediaDeleted.class, "media.deleted", "media", MediaDeleted::mediaId)
                    .writing(event -> EventPayload.builder().put("status", event.status())
                            .put("sizeBytes", event.sizeBytes()).build())
                    .reading((head, payload) -> new MediaDeleted(head.tenantId(), head.subjectId(),
                            payload.constant("status", MediaStatus.class), payload.number("sizeBytes"),
                            head.occurredAt()));

    /** The people and spaces it names are sorted, so that the same event is always written the same way. */
    static final EventType<AnnotationCreated> ANNOTATION_CREATED =
            EventType.of(AnnotationCreated.class, "annotation.created", "annotation", AnnotationCreated::annotationId)
                    .writing(event -> EventPayload.builder().put("mediaId", event.mediaId())
                            .put("authorId", event.authorId()).put("uploaderId", event.uploaderId())
                            .put("postAuthorIds", event.postAuthorIds().stream().map(AccountId::toString).sorted()
                                    .toList())
                            .put("spaceIds", event.spaceIds().stream().map(UUID::toString).sorted().toList())
                            .put("atMs", event.atMs()).build())
                    .reading((head, payload) -> new AnnotationCreated(head.tenantId(), head.subjectId(),
                            payload.uuid("mediaId"), payload.account("authorId"), payload.account("uploaderId"),
                            payload.uuids("postAuthorIds").stream().map(AccountId::of).collect(Collectors.toSet()),
                            Set.copyOf(payload.uuids("spaceIds")), payload.number("atMs"), head.occurredAt()));
}
