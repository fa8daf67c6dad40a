package dev.coachkit.application.community.port.out;

import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.UUID;

/** Comments on posts of the unit of work's tenant. */
public interface CommentRepository {

    void add(Comment comment);

    /** Comments of a post that is not deleted, oldest first, keyset-paginated on (createdAt, id). */
    Page<Comment> list(UUID postId, PageRequest page);
}
