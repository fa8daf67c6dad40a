package dev.coachkit.application.community.port.out;

import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Posts of the unit of work's tenant. A deleted post is gone from every read. */
public interface PostRepository {

    /** A post as read: the post and how many comments it has. */
    record PostView(Post post, int commentCount) {}

    /**
     * Whose feed: posts of every space {@code reader} belongs to and of every public space, or of
     * every space when {@code readsAll} (ADMIN); only {@code spaceId}'s posts when given.
     */
    record FeedQuery(AccountId reader, boolean readsAll, Optional<UUID> spaceId, PageRequest page) {
        public FeedQuery {
            Objects.requireNonNull(reader, "reader");
            spaceId = spaceId == null ? Optional.empty() : spaceId;
            Objects.requireNonNull(page, "page");
        }
    }

    void add(Post post);

    Optional<PostView> find(UUID id);

    /** Hides the post and its comments from every read; false when it was not there (or already deleted). */
    boolean delete(UUID id, Instant at);

    /** Whether a post that is not deleted, in a space the reader may read (every space when {@code readsAll}), carries the media. */
    boolean carriesReadableMedia(UUID mediaId, AccountId reader, boolean readsAll);

    /** Who wrote each post that is not deleted and carries the media, its space and that space's owner: one read. */
    List<MediaCarrier> carriersOf(UUID mediaId);

    /** A live post carrying a media: its author, its space and the owner of that space. */
    record MediaCarrier(AccountId postAuthor, UUID spaceId, AccountId spaceOwner) {}

    /** The feed, newest first, keyset-paginated on (createdAt, id): one statement per page. */
    Page<PostView> feed(FeedQuery query);
}
