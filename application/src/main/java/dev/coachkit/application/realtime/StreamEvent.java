package dev.coachkit.application.realtime;

import dev.coachkit.application.realtime.port.out.FeedPosition;
import dev.coachkit.domain.shared.TenantId;
import java.util.Map;

/** An event as streams carry it: its feed position (the id clients see), stream type, audience and data. */
record StreamEvent(FeedPosition position, TenantId tenant, String type, Audience audience, Map<String, Object> data) {

    StreamEvent {
        data = Map.copyOf(data);
    }
}
