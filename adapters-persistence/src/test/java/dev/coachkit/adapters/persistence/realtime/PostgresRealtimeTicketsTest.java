package dev.coachkit.adapters.persistence.realtime;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.realtime.port.out.RealtimeTicketStore;
import dev.coachkit.application.realtime.port.out.RealtimeTicketStoreContract;

class PostgresRealtimeTicketsTest extends RealtimeTicketStoreContract {

    @Override
    protected RealtimeTicketStore tickets() {
        return TestPersistence.shared().realtimeTickets();
    }
}
