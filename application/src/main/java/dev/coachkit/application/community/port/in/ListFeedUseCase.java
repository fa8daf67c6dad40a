package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Posts of every space the caller may read, or of one such space, newest first. */
public interface ListFeedUseCase {

    Page<PostOverview> feed(Query query);

    record Query(Actor actor, Optional<UUID> spaceId, PageRequest page) {}
}
