package dev.coachkit.application.realtime.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** What every {@link RealtimeTicketStore} adapter guarantees: a ticket is taken once, and not after it expired. */
public abstract class RealtimeTicketStoreContract {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    protected abstract RealtimeTicketStore tickets();

    private static StoredTicket ticket(Instant expiresAt) {
        byte[] digest = new byte[32];
        ThreadLocalRandom.current().nextBytes(digest);
        return new StoredTicket(HexFormat.of().formatHex(digest), "sealed-" + UUID.randomUUID(), expiresAt);
    }

    @Test
    void a_saved_ticket_is_taken_once() {
        StoredTicket ticket = ticket(NOW.plusSeconds(60));
        tickets().save(ticket, NOW);

        assertThat(tickets().take(ticket.digest(), NOW.plusSeconds(1))).contains(ticket);
        assertThat(tickets().take(ticket.digest(), NOW.plusSeconds(2))).isEmpty();
    }

    @Test
    void an_expired_ticket_is_not_taken() {
        StoredTicket ticket = ticket(NOW.plusSeconds(60));
        tickets().save(ticket, NOW);

        assertThat(tickets().take(ticket.digest(), NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void an_unknown_digest_finds_nothing() {
        assertThat(tickets().take(ticket(NOW).digest(), NOW)).isEmpty();
    }

    @Test
    void saving_forgets_tickets_that_expired_and_keeps_the_others() {
        StoredTicket expired = ticket(NOW.minusSeconds(1));
        StoredTicket valid = ticket(NOW.plusSeconds(60));
        tickets().save(expired, NOW.minusSeconds(61));
        tickets().save(valid, NOW);

        assertThat(tickets().take(expired.digest(), NOW.minusSeconds(30))).isEmpty();
        assertThat(tickets().take(valid.digest(), NOW)).contains(valid);
    }
}
