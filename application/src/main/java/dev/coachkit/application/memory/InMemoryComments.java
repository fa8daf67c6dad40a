package dev.coachkit.application.memory;

import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Comments in {@link InMemoryPosts}' comment table, oldest first; a deleted post shows none. */
public final class InMemoryComments implements CommentRepository {

    private final InMemoryPosts posts;

    public InMemoryComments(InMemoryPosts posts) {
        this.posts = posts;
    }

    @Override
    public void add(Comment comment) {
        posts.comments().put(comment.id(), comment);
    }

    @Override
    public Page<Comment> list(UUID postId, PageRequest page) {
        if (posts.live(postId).isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        List<Comment> fetched = posts.comments().select(comment -> comment.postId().equals(postId)
                        && page.after().map(cursor -> position(comment).compareTo(KeysetPosition.of(cursor)) > 0)
                                .orElse(true))
                .stream().sorted(Comparator.comparing(InMemoryComments::position)).limit(page.limit() + 1L).toList();
        return Page.fromLookahead(fetched, page.limit(), InMemoryComments::cursorOf);
    }

    private static Cursor cursorOf(Comment comment) {
        return position(comment).toCursor();
    }

    private static KeysetPosition position(Comment comment) {
        return new KeysetPosition(comment.createdAt(), comment.id());
    }
}
