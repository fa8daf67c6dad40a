package dev.coachkit.adapters.http.community;

import dev.coachkit.application.community.port.in.GetPostUseCase;
import dev.coachkit.application.community.port.in.GetSpaceUseCase;
import dev.coachkit.application.community.port.in.PostOverview;
import dev.coachkit.application.community.port.in.SpaceOverview;
import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the Spaces and Posts endpoints answer with. */
final class CommunityResponses {

    private CommunityResponses() {}

    /** {@code Space}. */
    record SpaceResponse(UUID id, String name, @Nullable String description, boolean isPrivate, UUID ownerId, int memberCount,
            Instant createdAt, Instant updatedAt) {
        static SpaceResponse from(SpaceOverview summary) {
            Space s = summary.space();
            return new SpaceResponse(s.id(), s.name(), s.description(), s.isPrivate(), s.ownerId().value(),
                    summary.memberCount(), s.createdAt(), s.updatedAt());
        }
    }

    /** {@code Space} with its first members; {@code membersNextCursor} pages on through {@code /spaces/{id}/members}. */
    record SpaceDetailsResponse(UUID id, String name, @Nullable String description, boolean isPrivate, UUID ownerId,
            int memberCount, Instant createdAt, Instant updatedAt, List<SpaceMemberResponse> members,
            @Nullable String membersNextCursor) {
        static SpaceDetailsResponse from(GetSpaceUseCase.SpaceDetails details) {
            SpaceResponse s = SpaceResponse.from(details.summary());
            return new SpaceDetailsResponse(s.id(), s.name(), s.description(), s.isPrivate(), s.ownerId(),
                    s.memberCount(), s.createdAt(), s.updatedAt(),
                    details.members().items().stream().map(SpaceMemberResponse::from).toList(),
                    details.members().next().map(Cursor::encode).orElse(null));
        }
    }

    /** One member of a space. */
    record SpaceMemberResponse(UUID userId, SpaceRoleName role, Instant addedAt) {
        static SpaceMemberResponse from(SpaceMember member) {
            return new SpaceMemberResponse(member.accountId().value(), SpaceRoleName.of(member.role()),
                    member.addedAt());
        }
    }

    /** A page of spaces, newest first. */
    record SpacePage(List<SpaceResponse> items, @Nullable String nextCursor) {
        static SpacePage from(Page<SpaceOverview> page) {
            return new SpacePage(page.items().stream().map(SpaceResponse::from).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }

    /** A page of a space's members, first added first. */
    record SpaceMemberPage(List<SpaceMemberResponse> items, @Nullable String nextCursor) {
        static SpaceMemberPage from(Page<SpaceMember> page) {
            return new SpaceMemberPage(page.items().stream().map(SpaceMemberResponse::from).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }

    /** {@code Post}. */
    record PostResponse(UUID id, UUID spaceId, UUID authorId, PostTypeName type, @Nullable String title, String content,
            List<UUID> mediaIds, int commentCount, Instant createdAt) {
        static PostResponse from(PostOverview view) {
            Post p = view.post();
            return new PostResponse(p.id(), p.spaceId(), p.authorId().value(), PostTypeName.of(p.type()),
                    p.title().orElse(null), p.content(), p.mediaIds(), view.commentCount(), p.createdAt());
        }
    }

    /** {@code Post} with its first comments, oldest first; {@code commentsNextCursor} pages on. */
    record PostDetailsResponse(UUID id, UUID spaceId, UUID authorId, PostTypeName type, @Nullable String title, String content,
            List<UUID> mediaIds, int commentCount, Instant createdAt, List<CommentResponse> comments,
            @Nullable String commentsNextCursor) {
        static PostDetailsResponse from(GetPostUseCase.PostDetails details) {
            PostResponse p = PostResponse.from(details.post());
            return new PostDetailsResponse(p.id(), p.spaceId(), p.authorId(), p.type(), p.title(), p.content(),
                    p.mediaIds(), p.commentCount(), p.createdAt(),
                    details.comments().items().stream().map(CommentResponse::from).toList(),
                    details.comments().next().map(Cursor::encode).orElse(null));
        }
    }

    /** A page of posts, newest first. */
    record PostPage(List<PostResponse> items, @Nullable String nextCursor) {
        static PostPage from(Page<PostOverview> page) {
            return new PostPage(page.items().stream().map(PostResponse::from).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }

    /** One comment. */
    record CommentResponse(UUID id, UUID authorId, String content, Instant createdAt) {
        static CommentResponse from(Comment comment) {
            return new CommentResponse(comment.id(), comment.authorId().value(), comment.content(),
                    comment.createdAt());
        }
    }

    /** A page of comments, oldest first. */
    record CommentPage(List<CommentResponse> items, @Nullable String nextCursor) {
        static CommentPage from(Page<Comment> page) {
            return new CommentPage(page.items().stream().map(CommentResponse::from).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }
}
