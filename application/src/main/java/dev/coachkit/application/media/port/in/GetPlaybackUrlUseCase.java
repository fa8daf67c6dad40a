package dev.coachkit.application.media.port.in;

import dev.coachkit.domain.shared.Actor;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** A short-lived URL to play or download a ready media asset; a conflict until it is ready. */
public interface GetPlaybackUrlUseCase {

    PlaybackUrl playbackUrl(Query query);

    record Query(Actor actor, UUID mediaId) {}

    record PlaybackUrl(URI url, Instant expiresAt) {}
}
