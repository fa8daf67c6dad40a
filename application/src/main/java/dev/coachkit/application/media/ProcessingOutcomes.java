package dev.coachkit.application.media;

import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.application.events.EventEnvelope;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores how processing ended and records {@code media.processed}, in the caller's unit of work. */
final class ProcessingOutcomes {

    private final MediaRepository media;
    private final EventOutbox outbox;
    private final IdGenerator ids;
    private final Clock clock;

    ProcessingOutcomes(MediaRepository media, EventOutbox outbox, IdGenerator ids, Clock clock) {
        this.media = media;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** False, storing and recording nothing, when the asset stopped PROCESSING meanwhile (the sweep, a redelivery). */
    boolean store(MediaAsset processed) {
        if (!media.transition(processed, MediaStatus.PROCESSING)) {
            return false;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("status", processed.status().name());
        processed.failureReason().ifPresent(reason -> payload.put("failureReason", reason));
        outbox.record(new EventEnvelope(ids.newId(), "media.processed", 1, processed.tenantId(), "media", processed.id(),
                clock.now(), payload));
        return true;
    }
}
