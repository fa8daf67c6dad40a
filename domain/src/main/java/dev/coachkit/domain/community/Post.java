package dev.coachkit.domain.community;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TenantId;
import dev.coachkit.domain.shared.Text;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Something a member shared in a space. Content is stored exactly as written. */
public record Post(UUID id, TenantId tenantId, UUID spaceId, AccountId authorId, PostType type,
        Optional<String> title, String content, List<UUID> mediaIds, Instant createdAt) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_CONTENT = 10_000;
    public static final int MAX_MEDIA = 10;

    public Post {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(authorId, "authorId");
        if (type == null) {
            throw new InvalidInputException("type", "must be TEXT or MEDIA");
        }
        title = title == null ? Optional.empty() : title.flatMap(text -> Text.optional(text, "title", MAX_TITLE));
        content = Text.verbatim(content, "content", MAX_CONTENT);
        mediaIds = List.copyOf(mediaIds == null ? List.of() : mediaIds);
        if (mediaIds.size() > MAX_MEDIA) {
            throw new InvalidInputException("mediaIds", "must hold at most " + MAX_MEDIA + " ids");
        }
        if (new HashSet<>(mediaIds).size() != mediaIds.size()) {
            throw new InvalidInputException("mediaIds", "must not repeat an id");
        }
        if (type == PostType.MEDIA && mediaIds.isEmpty()) {
            throw new InvalidInputException("mediaIds", "a MEDIA post needs at least one media id");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The event of sharing this post. */
    public PostCreated created() {
        return new PostCreated(tenantId, id, spaceId, authorId, type, title, createdAt);
    }

    /** The event of deleting this post. */
    public PostDeleted deletedBy(AccountId deletedBy, Instant at) {
        return new PostDeleted(tenantId, id, spaceId, authorId, deletedBy, at);
    }
}
