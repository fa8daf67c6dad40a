package dev.coachkit.application.notification;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.community.CommentCreated;
import dev.coachkit.domain.notification.Notification;

/** {@code comment.created}: tells the post's author, unless they commented themselves. */
public final class CommentNotificationConsumer implements EventConsumer<CommentCreated> {

    /** The notification's type as clients see it. */
    static final String NOTIFICATION_TYPE = "comment.created";

    private final Inbox inbox;
    private final IdGenerator ids;

    public CommentNotificationConsumer(Inbox inbox, IdGenerator ids) {
        this.inbox = inbox;
        this.ids = ids;
    }

    @Override
    public String name() {
        return "comment-notifications";
    }

    @Override
    public Class<CommentCreated> eventType() {
        return CommentCreated.class;
    }

    @Override
    public void consume(CommentCreated event) {
        if (event.authorId().equals(event.postAuthorId())) {
            return;
        }
        inbox.deliver(new Notification(ids.newId(), event.tenantId(), event.postAuthorId(), NOTIFICATION_TYPE,
                "New comment on your post", "Someone replied to your post.", "post", event.postId(),
                event.occurredAt(), null));
    }
}
