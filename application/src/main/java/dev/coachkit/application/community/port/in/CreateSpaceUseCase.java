package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.shared.Actor;
import java.util.Optional;

/** ADMIN or COACH opens a space and becomes its owner. */
public interface CreateSpaceUseCase {

    SpaceOverview create(Command command);

    record Command(Actor actor, String name, String description, boolean isPrivate, Optional<String> clientIp) {}
}
