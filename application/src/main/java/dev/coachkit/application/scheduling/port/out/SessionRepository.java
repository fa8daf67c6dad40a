package dev.coachkit.application.scheduling.port.out;

import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.scheduling.TimeRange;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Coaching sessions per tenant; a coach's scheduled sessions never overlap. */
public interface SessionRepository {

    /** Which sessions a list shows; empty fields do not filter. {@code participant} limits to one person's. */
    record Filter(Optional<Instant> from, Optional<Instant> to, Optional<AccountId> coach,
            Optional<AccountId> athlete, Optional<SessionStatus> status, Optional<AccountId> participant) {

        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
    }

    /**
     * Adds a scheduled session. When it overlaps another scheduled session of the same coach, it is
     * refused with a {@code ConflictException} — atomically, also against concurrent additions from
     * other threads or processes.
     */
    void add(Session session);

    /**
     * Stores the cancelled session, which frees its time at once, if the stored session is still in
     * {@code expected}, the status it was read in. When it is not (a concurrent cancellation won, or a payment
     * confirmed the held session meanwhile, so what the cancellation decided about its credit is stale), it is
     * a {@code ConflictException} and nothing changes.
     */
    void cancel(Session cancelled, SessionStatus expected);

    /**
     * Stores {@code updated}'s status and payment if the stored session is still in {@code expected}: a held
     * session confirmed (SCHEDULED, paid with a credit) or expired (EXPIRED, which frees its time); false,
     * changing nothing, when another change came first.
     */
    boolean transition(Session updated, SessionStatus expected);

    Optional<Session> find(TenantId tenant, UUID id);

    /** The coach's scheduled sessions overlapping {@code range}, in time order. */
    List<Session> scheduledOverlapping(TenantId tenant, AccountId coach, TimeRange range);

    /** Sessions matching the filter, earliest start first, keyset-paginated on (startsAt, id). */
    Page<Session> list(TenantId tenant, Filter filter, PageRequest page);

    /**
     * The sessions of {@code participant} (as coach or athlete, any status) around {@code now}, earliest
     * start first: the latest {@code maxPast} that start in [{@code historyFrom}, {@code now}) and the first
     * {@code maxUpcoming} that start at or after {@code now}. A calendar feed's read, whatever the history.
     */
    List<Session> around(TenantId tenant, AccountId participant, Instant historyFrom, Instant now, int maxPast,
            int maxUpcoming);

    /**
     * Claims the reminder {@code offset} before a session for sending, once: true for the first claim
     * of a still-scheduled session, false for any later claim, in this or another process, and for a
     * cancelled session. The claim commits with the unit of work that records the reminder event.
     */
    boolean claimReminder(TenantId tenant, UUID sessionId, Duration offset, Instant at);
}
