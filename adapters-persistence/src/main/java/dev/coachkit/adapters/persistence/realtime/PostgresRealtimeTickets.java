package dev.coachkit.adapters.persistence.realtime;

import static dev.coachkit.adapters.persistence.jooq.Tables.REALTIME_TICKETS;

import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.realtime.port.out.RealtimeTicketStore;
import dev.coachkit.application.realtime.port.out.StoredTicket;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Tickets in {@code realtime_tickets}, a global table (a ticket names no tenant): each call is one
 * statement of its own, and taking is a {@code DELETE ... RETURNING}, so two processes redeeming the
 * same ticket at once cannot both get it.
 */
public final class PostgresRealtimeTickets implements RealtimeTicketStore {

    private final DSLContext dsl;

    public PostgresRealtimeTickets(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void save(StoredTicket ticket, Instant now) {
        dsl.deleteFrom(REALTIME_TICKETS).where(REALTIME_TICKETS.EXPIRES_AT.lt(Timestamps.toColumn(now))).execute();
        dsl.insertInto(REALTIME_TICKETS)
                .set(REALTIME_TICKETS.DIGEST, ticket.digest())
                .set(REALTIME_TICKETS.SEALED_TOKEN, ticket.sealedToken())
                .set(REALTIME_TICKETS.EXPIRES_AT, Timestamps.toColumn(ticket.expiresAt()))
                .execute();
    }

    @Override
    public Optional<StoredTicket> take(String digest, Instant now) {
        return dsl.deleteFrom(REALTIME_TICKETS).where(REALTIME_TICKETS.DIGEST.eq(digest))
                .returning(REALTIME_TICKETS.DIGEST, REALTIME_TICKETS.SEALED_TOKEN, REALTIME_TICKETS.EXPIRES_AT)
                .fetchOptional()
                .map(row -> new StoredTicket(row.getDigest(), row.getSealedToken(), row.getExpiresAt().toInstant()))
                .filter(ticket -> ticket.expiresAt().isAfter(now));
    }
}
