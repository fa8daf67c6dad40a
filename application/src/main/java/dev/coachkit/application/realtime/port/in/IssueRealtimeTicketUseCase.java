package dev.coachkit.application.realtime.port.in;

import java.time.Instant;
import java.util.Objects;

/** A single-use ticket that opens one stream within 60 s, for clients that cannot send headers. */
public interface IssueRealtimeTicketUseCase {

    /** @param accessToken the caller's own access token, already accepted; the stream it opens acts with it */
    record Command(String accessToken) {
        public Command {
            Objects.requireNonNull(accessToken, "accessToken");
        }
    }

    record Ticket(String ticket, Instant expiresAt) {}

    Ticket issue(Command command);
}
