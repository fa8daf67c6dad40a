package dev.coachkit.domain.notification;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A member got an in-app notification; its recipient's open streams show it at once. */
public record NotificationCreated(
        TenantId tenantId, UUID notificationId, AccountId recipientId, String type, String title, String subjectType,
        UUID subjectId, Instant occurredAt) implements DomainEvent {

    public NotificationCreated {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static NotificationCreated of(Notification notification) {
        return new NotificationCreated(notification.tenantId(), notification.id(), notification.recipient(),
                notification.type(), notification.title(), notification.subjectType(), notification.subjectId(),
                notification.createdAt());
    }
}
