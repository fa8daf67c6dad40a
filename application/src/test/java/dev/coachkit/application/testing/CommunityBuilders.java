package dev.coachkit.application.testing;

import static dev.coachkit.application.testing.IdentityBuilders.T0;

import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.community.PostType;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builders of valid community values with fresh ids; instants default to {@link IdentityBuilders#T0}
 * (microsecond precision, as PostgreSQL keeps). Tenant and authors must be given: they name rows
 * that must exist in the store.
 */
public final class CommunityBuilders {

    private CommunityBuilders() {}

    public static SpaceBuilder aSpace(TenantId tenant, AccountId owner) {
        return new SpaceBuilder(tenant, owner);
    }

    public static PostBuilder aPost(Space space, AccountId author) {
        return new PostBuilder(space, author);
    }

    public static Comment aComment(Post post, AccountId author, Instant at) {
        return new Comment(UUID.randomUUID(), post.tenantId(), post.id(), author, "Nice work!", at);
    }

    /** Builds a {@link Space}, public unless told otherwise. */
    public static final class SpaceBuilder {
        private final TenantId tenant;
        private final AccountId owner;
        private String name = "Morning rowing";
        private boolean isPrivate;
        private Instant createdAt = T0;

        private SpaceBuilder(TenantId tenant, AccountId owner) {
            this.tenant = tenant;
            this.owner = owner;
        }

        public SpaceBuilder named(String name) {
            this.name = name;
            return this;
        }

        public SpaceBuilder privateSpace() {
            this.isPrivate = true;
            return this;
        }

        public SpaceBuilder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Space build() {
            return Space.create(UUID.randomUUID(), tenant, name, "Technique and drills", isPrivate, owner, createdAt);
        }
    }

    /** Builds a TEXT {@link Post}. */
    public static final class PostBuilder {
        private final Space space;
        private final AccountId author;
        private String content = "Today's drill: 4 x 500 m";
        private Optional<String> title = Optional.of("Drill");
        private List<UUID> mediaIds = List.of();
        private Instant createdAt = T0;

        private PostBuilder(Space space, AccountId author) {
            this.space = space;
            this.author = author;
        }

        public PostBuilder saying(String content) {
            this.content = content;
            return this;
        }

        public PostBuilder titled(String title) {
            this.title = Optional.ofNullable(title);
            return this;
        }

        public PostBuilder withMedia(List<UUID> mediaIds) {
            this.mediaIds = mediaIds;
            return this;
        }

        public PostBuilder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Post build() {
            return new Post(UUID.randomUUID(), space.tenantId(), space.id(), author,
                    mediaIds.isEmpty() ? PostType.TEXT : PostType.MEDIA, title, content, mediaIds, createdAt);
        }
    }
}
