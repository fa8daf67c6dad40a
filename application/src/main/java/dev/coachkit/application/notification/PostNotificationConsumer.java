package dev.coachkit.application.notification;

import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.community.PostCreated;
import dev.coachkit.domain.notification.Notification;

/** {@code post.created}: tells every other member of the space about the new post. */
public final class PostNotificationConsumer implements EventConsumer<PostCreated> {

    /** The notification's type as clients see it. */
    static final String NOTIFICATION_TYPE = "post.created";

    private final SpaceRepository spaces;
    private final SpaceMemberRepository members;
    private final Inbox inbox;
    private final IdGenerator ids;

    public PostNotificationConsumer(SpaceRepository spaces, SpaceMemberRepository members,
            Inbox inbox, IdGenerator ids) {
        this.spaces = spaces;
        this.members = members;
        this.inbox = inbox;
        this.ids = ids;
    }

    @Override
    public String name() {
        return "post-notifications";
    }

    @Override
    public Class<PostCreated> eventType() {
        return PostCreated.class;
    }

    @Override
    public void consume(PostCreated event) {
        String spaceName = spaces.find(event.spaceId()).map(summary -> summary.space().name()).orElse("a space");
        String body = event.title().orElse("A new post was shared.");
        members.accountsOf(event.spaceId()).stream().filter(member -> !member.equals(event.authorId())).forEach(
                member -> inbox.deliver(new Notification(ids.newId(), event.tenantId(), member, NOTIFICATION_TYPE,
                        "New post in " + spaceName, body, "post", event.postId(), event.occurredAt(), null)));
    }
}
