package dev.coachkit.application.media.port.out;

import dev.coachkit.domain.shared.Actor;
import java.util.UUID;

/**
 * Who may see media besides its uploader and ADMIN: the readers of the space it was uploaded to and
 * the readers of any post it is attached to. The community context answers both.
 */
public interface MediaAudience {

    boolean canReadSpace(Actor actor, UUID spaceId);

    /** Whether a post the actor may read (not deleted) carries the media. */
    boolean canReadPostWith(Actor actor, UUID mediaId);
}
