package dev.coachkit.application.media.port.in;

import dev.coachkit.application.media.port.in.GetMediaUseCase.MediaView;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * The media one member uploaded, newest first, in any status: the caller's own. An ADMIN may name
 * another uploader; anyone else naming someone other than themselves is refused, since another
 * member's uploads include private ones that are not theirs to see.
 */
public interface ListMediaUseCase {

    Page<MediaView> media(Query query);

    /** @param uploader whose uploads; empty: the caller's */
    record Query(Actor actor, Optional<AccountId> uploader, Optional<MediaStatus> status, PageRequest page) {
        public Query {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(uploader, "uploader");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(page, "page");
        }
    }
}
