package dev.coachkit.application.media.port.in;

import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.media.Drawing;
import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A reader of a media annotates a moment or a span of it; the uploader and the authors of the posts carrying it
 * hear of it. A media the actor may not read does not exist for them.
 */
public interface AnnotateMediaUseCase {

    Annotation annotate(Command command);

    record Command(Actor actor, UUID mediaId, long atMs, Optional<Long> endMs, Optional<String> text,
            Optional<Drawing> drawing, Optional<UUID> audioMediaId) {

        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(mediaId, "mediaId");
            endMs = endMs == null ? Optional.empty() : endMs;
            text = text == null ? Optional.empty() : text;
            drawing = drawing == null ? Optional.empty() : drawing;
            audioMediaId = audioMediaId == null ? Optional.empty() : audioMediaId;
        }
    }
}
