package dev.coachkit.application.media.port.out;

import dev.coachkit.domain.shared.Actor;
import java.util.UUID;

/** Whether an actor may read a space: media attached to a space is visible to the space's readers. */
@FunctionalInterface
public interface SpaceReadAccess {

    boolean canRead(Actor actor, UUID spaceId);

    /** Until spaces exist: only an ADMIN reads every space. */
    static SpaceReadAccess adminsOnly() {
        return (actor, spaceId) -> actor.isAdmin();
    }
}
