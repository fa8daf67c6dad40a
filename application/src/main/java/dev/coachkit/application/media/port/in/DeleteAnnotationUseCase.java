package dev.coachkit.application.media.port.in;

import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The author, the media's uploader, an owner of a space the media is shared in, or an ADMIN deletes an
 * annotation. Other readers of the media are refused; to anyone else it does not exist.
 */
public interface DeleteAnnotationUseCase {

    void delete(Command command);

    record Command(Actor actor, UUID annotationId, Optional<String> clientIp) {

        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(annotationId, "annotationId");
            Objects.requireNonNull(clientIp, "clientIp");
        }
    }
}
