package dev.coachkit.application.events;

import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.shared.DomainEvent;

/** Records typed events in the running unit of work: each gets a new id and goes to the outbox as its envelope. */
public final class EventRecorder {

    private final EventOutbox outbox;
    private final EventTypes types;
    private final IdGenerator ids;

    public EventRecorder(EventOutbox outbox, EventTypes types, IdGenerator ids) {
        this.outbox = outbox;
        this.types = types;
        this.ids = ids;
    }

    public void record(DomainEvent event) {
        outbox.record(types.envelope(ids.newId(), event));
    }
}
