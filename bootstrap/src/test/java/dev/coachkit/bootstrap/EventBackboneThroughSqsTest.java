package dev.coachkit.bootstrap;

import dev.coachkit.adapters.messaging.testing.SqsTestServer;
import java.util.Map;

/** The event backbone with the relay publishing to an SQS-compatible queue that the notifications worker consumes. */
class EventBackboneThroughSqsTest extends EventBackboneContract {

    @Override
    protected Map<String, String> transport() {
        return Map.of("COACHKIT_SQS_QUEUE", SqsTestServer.uniqueQueueName("e2e", false),
                "COACHKIT_SQS_ENDPOINT", SqsTestServer.shared().endpoint().toString());
    }
}
