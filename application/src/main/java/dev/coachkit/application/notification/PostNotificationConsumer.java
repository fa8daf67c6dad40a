package dev.coachkit.application.notification;

import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.application.events.EventEnvelope;
import java.util.UUID;

/** {@code post.created}: tells every other member of the space about the new post. */
public final class PostNotificationConsumer implements EventConsumer {

    private final SpaceRepository spaces;
    private final SpaceMemberRepository members;
    private final NotificationRepository notifications;
    private final IdGenerator ids;

    public PostNotificationConsumer(SpaceRepository spaces, SpaceMemberRepository members,
            NotificationRepository notifications, IdGenerator ids) {
        this.spaces = spaces;
        this.members = members;
        this.notifications = notifications;
        this.ids = ids;
    }

    @Override
    public String name() {
        return "post-notifications";
    }

    @Override
    public boolean wants(String eventType) {
        return "post.created".equals(eventType);
    }

    @Override
    public void consume(EventEnvelope event) {
        UUID spaceId = UUID.fromString(String.valueOf(event.payload().get("spaceId")));
        AccountId author = AccountId.of(UUID.fromString(String.valueOf(event.payload().get("authorId"))));
        String spaceName = spaces.find(spaceId).map(summary -> summary.space().name()).orElse("a space");
        String body = String.valueOf(event.payload().getOrDefault("title", "A new post was shared."));
        members.accountsOf(spaceId).stream().filter(member -> !member.equals(author)).forEach(member ->
                notifications.add(new Notification(ids.newId(), event.tenantId(), member, event.type(),
                        "New post in " + spaceName, body, "post", event.subjectId(), event.occurredAt(), null)));
    }
}
