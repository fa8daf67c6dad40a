package dev.coachkit.bootstrap;

import java.util.Map;

/** The event backbone with the relay dispatching to consumers in the server process. */
class EventBackboneInProcessTest extends EventBackboneContract {

    @Override
    protected Map<String, String> transport() {
        return Map.of();
    }
}
