package dev.coachkit.application.media.port.in;

import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.UUID;

/** The author changes the moment, text or drawing of their annotation; others who may read the media are refused. */
public interface EditAnnotationUseCase {

    Annotation edit(Command command);

    record Command(Actor actor, UUID annotationId, Annotation.Changes changes) {

        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(annotationId, "annotationId");
            Objects.requireNonNull(changes, "changes");
        }
    }
}
