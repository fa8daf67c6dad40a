package dev.coachkit.application.media.port.out;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see media besides its uploader and ADMIN: the readers of the space it was uploaded to and
 * the readers of any post it is attached to. The community context answers both.
 */
public interface MediaAudience {

    boolean canReadSpace(Actor actor, UUID spaceId);

    /** Whether a post the actor may read (not deleted) carries the media. */
    boolean canReadPostWith(Actor actor, UUID mediaId);

    /**
     * Who a media concerns besides its uploader: the authors of the live posts that carry it, the spaces of those
     * posts, and the owners of the media's space and of those posts' spaces.
     */
    Circle circleOf(TenantId tenant, Optional<UUID> spaceId, UUID mediaId);

    record Circle(Set<AccountId> postAuthors, Set<UUID> postSpaces, Set<AccountId> spaceOwners) {

        public Circle {
            postAuthors = Set.copyOf(postAuthors);
            postSpaces = Set.copyOf(postSpaces);
            spaceOwners = Set.copyOf(spaceOwners);
        }
    }
}
