package dev.coachkit.application.notification;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.application.events.EventEnvelope;
import java.util.UUID;

/** {@code comment.created}: tells the post's author, unless they commented themselves. */
public final class CommentNotificationConsumer implements EventConsumer {

    private final NotificationRepository notifications;
    private final IdGenerator ids;

    public CommentNotificationConsumer(NotificationRepository notifications, IdGenerator ids) {
        this.notifications = notifications;
        this.ids = ids;
    }

    @Override
    public String name() {
        return "comment-notifications";
    }

    @Override
    public boolean wants(String eventType) {
        return "comment.created".equals(eventType);
    }

    @Override
    public void consume(EventEnvelope event) {
        String commenter = String.valueOf(event.payload().get("authorId"));
        String postAuthor = String.valueOf(event.payload().get("postAuthorId"));
        if (commenter.equals(postAuthor)) {
            return;
        }
        UUID postId = UUID.fromString(String.valueOf(event.payload().get("postId")));
        notifications.add(new Notification(ids.newId(), event.tenantId(), AccountId.of(UUID.fromString(postAuthor)),
                event.type(), "New comment on your post", "Someone replied to your post.", "post", postId,
                event.occurredAt(), null));
    }
}
