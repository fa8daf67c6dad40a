package dev.coachkit.application.community;

import dev.coachkit.application.events.EventPayload;
import dev.coachkit.application.events.EventType;
import dev.coachkit.domain.community.CommentCreated;
import dev.coachkit.domain.community.PostCreated;
import dev.coachkit.domain.community.PostDeleted;
import dev.coachkit.domain.community.PostType;
import dev.coachkit.domain.community.SpaceMemberAdded;
import dev.coachkit.domain.community.SpaceMemberRemoved;
import dev.coachkit.domain.community.SpaceRole;
import java.util.List;

/** How the community's events are stored: names, subjects and payload keys as version 1 wrote them. */
public final class CommunityEventTypes {

    private CommunityEventTypes() {}

    public static List<EventType<?>> all() {
        return List.of(POST_CREATED, POST_DELETED, COMMENT_CREATED, SPACE_MEMBER_ADDED, SPACE_MEMBER_REMOVED);
    }

    static final EventType<PostCreated> POST_CREATED =
            EventType.of(PostCreated.class, "post.created", "post", PostCreated::postId)
                    .writing(event -> EventPayload.builder().put("spaceId", event.spaceId())
                            .put("authorId", event.authorId()).put("type", event.type())
                            .put("title", event.title()).build())
                    .reading((head, payload) -> new PostCreated(head.tenantId(), head.subjectId(),
                            payload.uuid("spaceId"), payload.account("authorId"),
                            payload.constant("type", PostType.class), payload.optionalString("title"),
                            head.occurredAt()));

    static final EventType<PostDeleted> POST_DELETED =
            EventType.of(PostDeleted.class, "post.deleted", "post", PostDeleted::postId)
                    .writing(event -> EventPayload.builder().put("spaceId", event.spaceId())
                            .put("authorId", event.authorId()).put("deletedBy", event.deletedBy()).build())
                    .reading((head, payload) -> new PostDeleted(head.tenantId(), head.subjectId(),
                            payload.uuid("spaceId"), payload.account("authorId"), payload.account("deletedBy"),
                            head.occurredAt()));

    static final EventType<CommentCreated> COMMENT_CREATED =
            EventType.of(CommentCreated.class, "comment.created", "comment", CommentCreated::commentId)
                    .writing(event -> EventPayload.builder().put("postId", event.postId())
                            .put("spaceId", event.spaceId()).put("authorId", event.authorId())
                            .put("postAuthorId", event.postAuthorId()).build())
                    .reading((head, payload) -> new CommentCreated(head.tenantId(), head.subjectId(),
                            payload.uuid("postId"), payload.uuid("spaceId"), payload.account("authorId"),
                            payload.account("postAuthorId"), head.occurredAt()));

    static final EventType<SpaceMemberAdded> SPACE_MEMBER_ADDED =
            EventType.of(SpaceMemberAdded.class, "space.member_added", "space", SpaceMemberAdded::spaceId)
                    .writing(event -> EventPayload.builder().put("accountId", event.accountId())
                            .put("role", event.role()).put("addedBy", event.addedBy()).build())
                    .reading((head, payload) -> new SpaceMemberAdded(head.tenantId(), head.subjectId(),
                            payload.account("accountId"), payload.constant("role", SpaceRole.class),
                            payload.account("addedBy"), head.occurredAt()));

    static final EventType<SpaceMemberRemoved> SPACE_MEMBER_REMOVED =
            EventType.of(SpaceMemberRemoved.class, "space.member_removed", "space", SpaceMemberRemoved::spaceId)
                    .writing(event -> EventPayload.builder().put("accountId", event.accountId())
                            .put("removedBy", event.removedBy()).build())
                    .reading((head, payload) -> new SpaceMemberRemoved(head.tenantId(), head.subjectId(),
                            payload.account("accountId"), payload.account("removedBy"), head.occurredAt()));
}
