package dev.coachkit.application.community;

import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.events.EventEnvelope;
import dev.coachkit.domain.shared.TenantId;
import java.util.Map;
import java.util.UUID;

/** Records the community's events in the running unit of work, each with a new id and the current time. */
final class CommunityEvents {

    private final EventOutbox outbox;
    private final IdGenerator ids;
    private final Clock clock;

    CommunityEvents(EventOutbox outbox, IdGenerator ids, Clock clock) {
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    void record(TenantId tenant, String type, String subjectType, UUID subjectId, Map<String, Object> payload) {
        outbox.record(new EventEnvelope(ids.newId(), type, 1, tenant, subjectType, subjectId, clock.now(), payload));
    }
}
