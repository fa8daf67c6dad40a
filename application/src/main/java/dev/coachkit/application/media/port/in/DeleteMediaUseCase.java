package dev.coachkit.application.media.port.in;

import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The uploader or an ADMIN deletes a media asset in any status: a pending upload is cancelled and its
 * quota (and the uploader's pending bytes) released at once, and every stored byte of it is deleted.
 * Whoever may see it but not delete it is refused; to anyone else it does not exist.
 */
public interface DeleteMediaUseCase {

    void delete(Command command);

    record Command(Actor actor, UUID mediaId, Optional<String> clientIp) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(mediaId, "mediaId");
            Objects.requireNonNull(clientIp, "clientIp");
        }
    }
}
