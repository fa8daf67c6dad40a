package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.UUID;

/** The comments of a post the caller may read, oldest first. */
public interface ListCommentsUseCase {

    Page<Comment> comments(Query query);

    record Query(Actor actor, UUID postId, PageRequest page) {}
}
