package dev.coachkit.application.realtime;

import dev.coachkit.application.identity.port.out.SecureTokens;
import dev.coachkit.application.realtime.port.in.IssueRealtimeTicketUseCase;
import dev.coachkit.application.realtime.port.out.RealtimeTicketStore;
import dev.coachkit.application.realtime.port.out.StoredTicket;
import dev.coachkit.application.shared.port.out.Clock;
import java.time.Instant;

/** Stores a new ticket for the caller's access token, sealed under the ticket, valid for a minute. */
final class IssueRealtimeTicketService implements IssueRealtimeTicketUseCase {

    private final RealtimeTicketStore tickets;
    private final SecureTokens secrets;
    private final Clock clock;

    IssueRealtimeTicketService(RealtimeTicketStore tickets, SecureTokens secrets, Clock clock) {
        this.tickets = tickets;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Ticket issue(Command command) {
        String ticket = secrets.newToken();
        TicketSecrets sealing = new TicketSecrets(ticket);
        Instant now = clock.now();
        Instant expiresAt = now.plus(RealtimeSettings.TICKET_LIFETIME);
        tickets.save(new StoredTicket(sealing.digest(), sealing.seal(command.accessToken()), expiresAt), now);
        return new Ticket(ticket, expiresAt);
    }
}
