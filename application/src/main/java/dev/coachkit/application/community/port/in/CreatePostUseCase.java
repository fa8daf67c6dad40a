package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.community.PostType;
import dev.coachkit.domain.shared.Actor;
import java.util.List;
import java.util.UUID;

/** A member of the space (or ADMIN) shares a post in it. */
public interface CreatePostUseCase {

    PostOverview create(Command command);

    record Command(Actor actor, UUID spaceId, PostType type, String title, String content, List<UUID> mediaIds) {}
}
