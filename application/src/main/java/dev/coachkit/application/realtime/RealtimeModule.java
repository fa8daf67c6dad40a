package dev.coachkit.application.realtime;

import dev.coachkit.application.realtime.port.in.IssueRealtimeTicketUseCase;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase;

/** Real-time updates: tickets, and streams of the events each caller can read, fed from committed outbox events. */
public final class RealtimeModule {

    private final IssueRealtimeTicketUseCase tickets;
    private final RealtimeHub hub;

    RealtimeModule(IssueRealtimeTicketUseCase tickets, RealtimeHub hub) {
        this.tickets = tickets;
        this.hub = hub;
    }

    public IssueRealtimeTicketUseCase issueTicket() {
        return tickets;
    }

    public OpenRealtimeStreamUseCase openStream() {
        return hub;
    }

    /**
     * Ends every stream with the shutdown notice (clients reconnect, to another process) and stops
     * delivering; a host calls it before it stops serving, since open streams would hold a graceful stop.
     */
    public void stop() {
        hub.stop();
    }
}
