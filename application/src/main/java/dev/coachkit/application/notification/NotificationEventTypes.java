package dev.coachkit.application.notification;

import dev.coachkit.application.events.EventPayload;
import dev.coachkit.application.events.EventType;
import dev.coachkit.domain.notification.NotificationCreated;
import java.util.List;

/** How notification events are stored: names, subjects and payload keys as version 1 wrote them. */
public final class NotificationEventTypes {

    private NotificationEventTypes() {}

    public static List<EventType<?>> all() {
        return List.of(NOTIFICATION_CREATED);
    }

    static final EventType<NotificationCreated> NOTIFICATION_CREATED = EventType.of(NotificationCreated.class,
                    "notification.created", "notification", NotificationCreated::notificationId)
            .writing(event -> EventPayload.builder().put("recipientId", event.recipientId()).put("type", event.type())
                    .put("title", event.title()).put("subjectType", event.subjectType())
                    .put("subjectId", event.subjectId()).build())
            .reading((head, payload) -> new NotificationCreated(head.tenantId(), head.subjectId(),
                    payload.account("recipientId"), payload.string("type"), payload.string("title"),
                    payload.string("subjectType"), payload.uuid("subjectId"), head.occurredAt()));
}
