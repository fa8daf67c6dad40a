package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.shared.Actor;
import java.util.Optional;
import java.util.UUID;

/** An owner of the space or ADMIN renames it, redescribes it or changes its privacy. */
public interface UpdateSpaceUseCase {

    SpaceOverview update(Command command);

    record Command(Actor actor, UUID spaceId, Space.Changes changes, Optional<String> clientIp) {}
}
