package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.shared.Actor;
import java.util.Optional;
import java.util.UUID;

/** The author, an owner of the space or ADMIN deletes a post; it and its comments vanish from reads. */
public interface DeletePostUseCase {

    void delete(Command command);

    record Command(Actor actor, UUID postId, Optional<String> clientIp) {}
}
