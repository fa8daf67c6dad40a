package dev.coachkit.application.media;

import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaStatus;

/** Stores how processing ended and records {@code media.processed}, in the caller's unit of work. */
final class ProcessingOutcomes {

    private final MediaRepository media;
    private final EventRecorder events;
    private final Clock clock;

    ProcessingOutcomes(MediaRepository media, EventRecorder events, Clock clock) {
        this.media = media;
        this.events = events;
        this.clock = clock;
    }

    /** False, storing and recording nothing, when the asset stopped PROCESSING meanwhile (the sweep, a redelivery). */
    boolean store(MediaAsset processed) {
        if (!media.transition(processed, MediaStatus.PROCESSING)) {
            return false;
        }
        events.record(processed.processed(clock.now()));
        return true;
    }
}
