package dev.coachkit.domain.community;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import dev.coachkit.domain.shared.Text;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A reply to a post; content stored exactly as written. */
public record Comment(UUID id, TenantId tenantId, UUID postId, AccountId authorId, String content,
        Instant createdAt) {

    public static final int MAX_CONTENT = 10_000;

    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(authorId, "authorId");
        content = Text.verbatim(content, "content", MAX_CONTENT);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The event of adding this comment to {@code post}, which must be the post it replies to. */
    public CommentCreated createdOn(Post post) {
        if (!post.id().equals(postId)) {
            throw new IllegalArgumentException("comment " + id + " replies to post " + postId + ", not " + post.id());
        }
        return new CommentCreated(tenantId, id, postId, post.spaceId(), authorId, post.authorId(), createdAt);
    }
}
