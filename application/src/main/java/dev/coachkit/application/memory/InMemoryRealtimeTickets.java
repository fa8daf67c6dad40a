package dev.coachkit.application.memory;

import dev.coachkit.application.realtime.port.out.RealtimeTicketStore;
import dev.coachkit.application.realtime.port.out.StoredTicket;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Tickets in this JVM only: enough for one process, not for several behind a load balancer. */
public final class InMemoryRealtimeTickets implements RealtimeTicketStore {

    private final ConcurrentMap<String, StoredTicket> tickets = new ConcurrentHashMap<>();

    @Override
    public void save(StoredTicket ticket, Instant now) {
        tickets.values().removeIf(stored -> stored.expiresAt().isBefore(now));
        tickets.put(ticket.digest(), ticket);
    }

    @Override
    public Optional<StoredTicket> take(String digest, Instant now) {
        return Optional.ofNullable(tickets.remove(digest)).filter(ticket -> ticket.expiresAt().isAfter(now));
    }
}
