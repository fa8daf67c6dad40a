package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.shared.Actor;
import java.util.UUID;

/** A member of the post's space (or ADMIN) replies to it. */
public interface AddCommentUseCase {

    Comment add(Command command);

    record Command(Actor actor, UUID postId, String content) {}
}
