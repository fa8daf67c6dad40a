package dev.coachkit.application.memory;

import dev.coachkit.application.realtime.port.out.RealtimeTicketStore;
import dev.coachkit.application.realtime.port.out.RealtimeTicketStoreContract;

class InMemoryRealtimeTicketsTest extends RealtimeTicketStoreContract {

    private final InMemoryRealtimeTickets tickets = new InMemoryRealtimeTickets();

    @Override
    protected RealtimeTicketStore tickets() {
        return tickets;
    }
}
