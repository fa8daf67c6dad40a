package dev.coachkit.domain.notification;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import dev.coachkit.domain.shared.Text;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An in-app message to one member about something that happened (a post, a session, a reminder). */
public record Notification(
        UUID id, TenantId tenantId, AccountId recipient, String type, String title, String body, String subjectType,
        UUID subjectId, Instant createdAt, Instant readAt) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(type, "type");
        title = Text.required(title, "title", 200);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isRead() {
        return readAt != null;
    }
}
