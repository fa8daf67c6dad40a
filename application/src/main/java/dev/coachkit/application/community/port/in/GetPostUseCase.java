package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import java.util.UUID;

/** A post the caller may read, with its first comments, oldest first. */
public interface GetPostUseCase {

    /** How many comments {@link #post} returns; the rest are paged by {@link ListCommentsUseCase}. */
    int COMMENTS_SHOWN = 50;

    PostDetails post(Query query);

    record Query(Actor actor, UUID postId) {}

    record PostDetails(PostOverview post, Page<Comment> comments) {}
}
