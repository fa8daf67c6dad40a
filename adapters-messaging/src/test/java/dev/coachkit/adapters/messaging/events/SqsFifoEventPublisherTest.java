package dev.coachkit.adapters.messaging.events;

/** The publisher contract on a FIFO queue (message group per tenant, deduplication by event id). */
class SqsFifoEventPublisherTest extends SqsEventPublisherTest {

    @Override
    boolean fifo() {
        return true;
    }
}
