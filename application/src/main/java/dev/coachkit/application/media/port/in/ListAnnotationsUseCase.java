package dev.coachkit.application.media.port.in;

import dev.coachkit.domain.media.Annotation;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A reader of a media pages through its annotations by moment ({@code atMs}, then creation), optionally in a window. */
public interface ListAnnotationsUseCase {

    Page<Annotation> annotations(Query query);

    /** {@code fromMs} and {@code toMs} bound {@code atMs}, both included. */
    record Query(Actor actor, UUID mediaId, Optional<Long> fromMs, Optional<Long> toMs, PageRequest page) {

        public Query {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(mediaId, "mediaId");
            fromMs = fromMs == null ? Optional.empty() : fromMs;
            toMs = toMs == null ? Optional.empty() : toMs;
            Objects.requireNonNull(page, "page");
            if (fromMs.filter(from -> from < 0).isPresent()) {
                throw new InvalidInputException("fromMs", "must not be negative");
            }
            if (toMs.filter(to -> to < 0).isPresent()) {
                throw new InvalidInputException("toMs", "must not be negative");
            }
            if (fromMs.isPresent() && toMs.isPresent() && toMs.get() < fromMs.get()) {
                throw new InvalidInputException("toMs", "must not be before fromMs");
            }
        }
    }
}
