package dev.coachkit.application.notification;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.media.AnnotationCreated;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.AccountId;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code annotation.created}: tells the media's uploader and the authors of the posts that carry it, once each,
 * and never the annotator.
 */
public final class AnnotationNotificationConsumer implements EventConsumer<AnnotationCreated> {

    /** The notification's type as clients see it. */
    static final String NOTIFICATION_TYPE = "annotation.created";

    private final Inbox inbox;
    private final IdGenerator ids;

    public AnnotationNotificationConsumer(Inbox inbox, IdGenerator ids) {
        this.inbox = inbox;
        this.ids = ids;
    }

    @Override
    public String name() {
        return "annotation-notifications";
    }

    @Override
    public Class<AnnotationCreated> eventType() {
        return AnnotationCreated.class;
    }

    @Override
    public void consume(AnnotationCreated event) {
        Set<AccountId> recipients = new TreeSet<>(Comparator.comparing(AccountId::toString));
        recipients.add(event.uploaderId());
        recipients.addAll(event.postAuthorIds());
        recipients.remove(event.authorId());
        for (AccountId recipient : recipients) {
            inbox.deliver(new Notification(ids.newId(), event.tenantId(), recipient, NOTIFICATION_TYPE,
                    "New annotation on your media", "Someone annotated a video or image you shared.", "media", event.mediaId(),
                    event.occurredAt(), null));
        }
    }
}
