package dev.coachkit.application.realtime.port.out;

import java.time.Instant;
import java.util.Optional;

/** Single-use tickets shared by every API process: issued on one, redeemed on any. */
public interface RealtimeTicketStore {

    /** Keeps the ticket, and forgets tickets that expired before {@code now}. */
    void save(StoredTicket ticket, Instant now);

    /** Removes and returns the ticket; empty when unknown, already taken, or expired at {@code now}. */
    Optional<StoredTicket> take(String digest, Instant now);
}
