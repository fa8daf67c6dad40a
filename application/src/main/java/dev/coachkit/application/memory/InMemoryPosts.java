package dev.coachkit.application.memory;

import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts per tenant, newest first, with the feed's visibility rule evaluated against
 * {@link InMemorySpaces}. Holds the comment table too, so that a deleted post's comments vanish with
 * it and counts stay exact; {@link InMemoryComments} reads and writes it.
 */
public final class InMemoryPosts implements PostRepository {

    /** A post with the moment it was deleted, if it was. */
    /** A post and when it was deleted (null while it is live). */
    record StoredPost(Post post, Instant deletedAt) {}

    private static final Comparator<Post> NEWEST_FIRST = Comparator.comparing(InMemoryPosts::position).reversed();

    private final InMemoryTable<UUID, StoredPost> posts;
    private final InMemoryTable<UUID, Comment> comments;
    private final InMemorySpaces spaces;

    public InMemoryPosts(InMemoryUnitOfWork unitOfWork, InMemorySpaces spaces) {
        this.posts = InMemoryTable.perTenant(unitOfWork, stored -> stored.post().tenantId());
        this.comments = InMemoryTable.perTenant(unitOfWork, Comment::tenantId);
        this.spaces = spaces;
    }

    @Override
    public void add(Post post) {
        posts.put(post.id(), new StoredPost(post, null));
    }

    @Override
    public Optional<PostView> find(UUID id) {
        return live(id).map(this::view);
    }

    @Override
    public boolean delete(UUID id, Instant at) {
        return live(id).map(post -> {
            posts.put(id, new StoredPost(post, at));
            return true;
        }).orElse(false);
    }

    @Override
    public boolean carriesReadableMedia(UUID mediaId, AccountId reader, boolean readsAll) {
        return posts.select(stored -> stored.deletedAt() == null && stored.post().mediaIds().contains(mediaId))
                .stream().anyMatch(stored -> spaces.isReadableBy(stored.post().spaceId(), reader, readsAll));
    }

    @Override
    public List<MediaCarrier> carriersOf(UUID mediaId) {
        return posts.select(stored -> stored.deletedAt() == null && stored.post().mediaIds().contains(mediaId))
                .stream().map(StoredPost::post).flatMap(post -> spaces.find(post.spaceId()).stream()
                        .map(space -> new MediaCarrier(post.authorId(), post.spaceId(), space.space().ownerId())))
                .toList();
    }

    @Override
    public Page<PostView> feed(FeedQuery query) {
        List<Post> fetched = posts.select(stored -> stored.deletedAt() == null).stream().map(StoredPost::post)
                .filter(post -> query.spaceId().map(post.spaceId()::equals).orElse(true)
                        && spaces.isReadableBy(post.spaceId(), query.reader(), query.readsAll())
                        && query.page().after()
                                .map(cursor -> position(post).compareTo(KeysetPosition.of(cursor)) < 0).orElse(true))
                .sorted(NEWEST_FIRST).limit(query.page().limit() + 1L).toList();
        return Page.fromLookahead(fetched, query.page().limit(), post -> position(post).toCursor()).map(this::view);
    }

    /** Posts of the unit's tenant that are not deleted. */
    long countLive() {
        return posts.select(stored -> stored.deletedAt() == null).size();
    }

    /** Comments on posts of the unit's tenant that are not deleted. */
    long countLiveComments() {
        return comments.select(comment -> live(comment.postId()).isPresent()).size();
    }

    Optional<Post> live(UUID id) {
        return posts.get(id).filter(stored -> stored.deletedAt() == null).map(StoredPost::post);
    }

    InMemoryTable<UUID, Comment> comments() {
        return comments;
    }

    private PostView view(Post post) {
        return new PostView(post, comments.select(comment -> comment.postId().equals(post.id())).size());
    }

    private static KeysetPosition position(Post post) {
        return new KeysetPosition(post.createdAt(), post.id());
    }

    /** Gives the author's posts and comments another, unlinkable author. */
    void reassignAuthor(AccountId author, AccountId formerMember) {
        posts.select(stored -> stored.post().authorId().equals(author)).forEach(stored -> {
            Post p = stored.post();
            posts.put(p.id(), new StoredPost(new Post(p.id(), p.tenantId(), p.spaceId(), formerMember, p.type(),
                    p.title(), p.content(), p.mediaIds(), p.createdAt()), stored.deletedAt()));
        });
        comments.select(comment -> comment.authorId().equals(author)).forEach(c -> comments.put(c.id(),
                new Comment(c.id(), c.tenantId(), c.postId(), formerMember, c.content(), c.createdAt())));
    }

    /** Deletes the author's posts with every comment on them, and the author's other comments. */
    void deleteByAuthor(AccountId author) {
        List<UUID> authored = posts.select(stored -> stored.post().authorId().equals(author)).stream()
                .map(stored -> stored.post().id()).toList();
        comments.select(comment -> comment.authorId().equals(author) || authored.contains(comment.postId()))
                .forEach(comment -> comments.remove(comment.id()));
        authored.forEach(posts::remove);
    }

    /** Every post the running unit of work sees, deleted ones included, for exports. */
    List<StoredPost> rows() {
        return posts.select(row -> true);
    }
}
