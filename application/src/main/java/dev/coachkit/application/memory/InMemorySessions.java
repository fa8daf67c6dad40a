package dev.coachkit.application.memory;

import dev.coachkit.application.scheduling.port.out.DueReminders;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.scheduling.TimeRange;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Sessions per tenant in an {@link InMemoryTable}. What PostgreSQL's exclusion constraint gives the
 * database adapter, a lock gives this one: a booking (scheduled or held for payment) is checked against
 * committed sessions that occupy the calendar and against those other units have added but not committed
 * yet, and reserved until its unit ends; a cancellation or a hold's transition likewise, so that of two
 * concurrent changes of one session only the first succeeds.
 */
public final class InMemorySessions implements SessionRepository, DueReminders {

    private static final Comparator<Session> EARLIEST_FIRST =
            Comparator.comparing(Session::startsAt).thenComparing(Session::id);

    private static final Comparator<Session> HOLD_EXPIRY_FIRST = Comparator
            .comparing((Session session) -> session.payment().holdExpiresAt().orElseThrow()).thenComparing(Session::id);

    private record SentReminder(TenantId tenantId, UUID sessionId, Duration offset, Instant at) {}

    private final InMemoryUnitOfWork unitOfWork;
    private final InMemoryTable<UUID, Session> sessions;
    private final InMemoryTable<String, SentReminder> reminders;
    private final Object bookingLock = new Object();
    private final Map<UUID, Session> uncommittedBookings = new HashMap<>();
    /** The sessions a running unit changed, reserved for it until it ends. */
    private final Map<UUID, InMemoryUnitOfWork.Transaction> uncommittedChanges = new HashMap<>();
    private final Set<String> claimedReminders = ConcurrentHashMap.newKeySet();

    public InMemorySessions(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.sessions = InMemoryTable.perTenant(unitOfWork, Session::tenantId);
        this.reminders = InMemoryTable.perTenant(unitOfWork, SentReminder::tenantId);
    }

    @Override
    public void add(Session session) {
        InMemoryUnitOfWork.Transaction transaction = unitOfWork.current();
        synchronized (bookingLock) {
            boolean taken = !scheduledOverlapping(session.tenantId(), session.coachId(), session.time()).isEmpty()
                    || uncommittedBookings.values().stream().anyMatch(other -> clash(other, session));
            if (taken) {
                throw new ConflictException("the coach already has a session at that time");
            }
            uncommittedBookings.put(session.id(), session);
        }
        Runnable release = () -> {
            synchronized (bookingLock) {
                uncommittedBookings.remove(session.id());
            }
        };
        transaction.afterCommit(release);
        transaction.afterRollback(release);
        sessions.put(session.id(), session);
    }

    /** Sessions of the unit's tenant, whatever their status. */
    long count() {
        return sessions.select(session -> true).size();
    }

    private static boolean clash(Session one, Session other) {
        return one.tenantId().equals(other.tenantId()) && one.coachId().equals(other.coachId())
                && one.time().overlaps(other.time());
    }

    /**
     * Like the conditional update in PostgreSQL: under the booking lock, the session must still be in the status
     * it was read in, occupy the calendar, and not be changed by another unit that has not committed yet.
     */
    @Override
    public void cancel(Session cancelled, SessionStatus expected) {
        if (!change(cancelled, stored -> stored.status() == expected && stored.status().occupiesCalendar())) {
            throw new ConflictException("the session was cancelled or changed meanwhile; read it again");
        }
    }

    @Override
    public boolean transition(Session updated, SessionStatus expected) {
        return change(updated, stored -> stored.status() == expected);
    }

    /**
     * Stores {@code changed} when the stored session passes {@code still} and no other unit is changing it;
     * the session is reserved for this unit until it ends.
     */
    private boolean change(Session changed, Predicate<Session> still) {
        InMemoryUnitOfWork.Transaction transaction = unitOfWork.current();
        synchronized (bookingLock) {
            InMemoryUnitOfWork.Transaction changing = uncommittedChanges.get(changed.id());
            if ((changing != null && changing != transaction) || sessions.get(changed.id()).filter(still).isEmpty()) {
                return false;
            }
            if (changing == null) {
                uncommittedChanges.put(changed.id(), transaction);
                Runnable release = () -> {
                    synchronized (bookingLock) {
                        uncommittedChanges.remove(changed.id());
                    }
                };
                transaction.afterCommit(release);
                transaction.afterRollback(release);
            }
        }
        sessions.put(changed.id(), changed);
        return true;
    }

    @Override
    public Optional<Session> find(TenantId tenant, UUID id) {
        return sessions.get(id).filter(session -> session.tenantId().equals(tenant));
    }

    @Override
    public List<Session> scheduledOverlapping(TenantId tenant, AccountId coach, TimeRange range) {
        return sessions.select(session -> session.tenantId().equals(tenant) && session.status().occupiesCalendar()
                && session.coachId().equals(coach) && session.time().overlaps(range))
                .stream().sorted(EARLIEST_FIRST).toList();
    }

    @Override
    public Page<Session> list(TenantId tenant, Filter filter, PageRequest page) {
        List<Session> fetched = sessions.select(session -> session.tenantId().equals(tenant)
                        && matches(session, filter) && page.after().map(cursor -> isAfter(session, cursor)).orElse(true))
                .stream().sorted(EARLIEST_FIRST).limit(page.limit() + 1L).toList();
        return Page.fromLookahead(fetched, page.limit(),
                session -> Cursor.of(session.startsAt().toString(), session.id().toString()));
    }

    @Override
    public List<Session> around(TenantId tenant, AccountId participant, Instant historyFrom, Instant now,
            int maxPast, int maxUpcoming) {
        List<Session> theirs = sessions.select(session -> session.tenantId().equals(tenant)
                && session.hasParticipant(participant)).stream().sorted(EARLIEST_FIRST).toList();
        List<Session> past = theirs.stream()
                .filter(session -> !session.startsAt().isBefore(historyFrom) && session.startsAt().isBefore(now))
                .toList();
        List<Session> found = new ArrayList<>(past.subList(Math.max(0, past.size() - maxPast), past.size()));
        theirs.stream().filter(session -> !session.startsAt().isBefore(now)).limit(maxUpcoming).forEach(found::add);
        return List.copyOf(found);
    }

    private static boolean matches(Session session, Filter filter) {
        return filter.from().map(from -> !session.startsAt().isBefore(from)).orElse(true)
                && filter.to().map(to -> session.startsAt().isBefore(to)).orElse(true)
                && filter.coach().map(session.coachId()::equals).orElse(true)
                && filter.athlete().map(session.athleteId()::equals).orElse(true)
                && filter.status().map(status -> session.status() == status).orElse(true)
                && filter.participant().map(session::hasParticipant).orElse(true);
    }

    private static boolean isAfter(Session session, Cursor cursor) {
        int byStart = session.startsAt().compareTo(cursor.instantKey(0));
        return byStart > 0 || (byStart == 0 && session.id().compareTo(cursor.uuidKey(1)) > 0);
    }

    @Override
    public boolean claimReminder(TenantId tenant, UUID sessionId, Duration offset, Instant at) {
        String key = reminderKey(tenant, sessionId, offset);
        if (find(tenant, sessionId).filter(Session::isScheduled).isEmpty()
                || reminders.get(key).isPresent() || !claimedReminders.add(key)) {
            return false;
        }
        unitOfWork.current().afterRollback(() -> claimedReminders.remove(key));
        reminders.put(key, new SentReminder(tenant, sessionId, offset, at));
        return true;
    }

    @Override
    public List<DueReminder> due(Instant now, List<Duration> offsets, int limit) {
        Set<String> sent = reminders.selectAcrossTenants(reminder -> true).stream()
                .map(reminder -> reminderKey(reminder.tenantId(), reminder.sessionId(), reminder.offset()))
                .collect(Collectors.toSet());
        List<DueReminder> due = new ArrayList<>();
        for (Session session : sessions.selectAcrossTenants(s -> s.isScheduled() && s.startsAt().isAfter(now))) {
            for (Duration offset : offsets) {
                Instant moment = session.startsAt().minus(offset);
                if (!moment.isAfter(now) && !session.createdAt().isAfter(moment)
                        && !sent.contains(reminderKey(session.tenantId(), session.id(), offset))) {
                    due.add(new DueReminder(session.tenantId(), session.id(), offset));
                }
            }
        }
        return due.stream().limit(limit).toList();
    }

    /** Committed sessions of every tenant still held whose hold ran out before {@code now}, oldest first. */
    List<Session> expiredHolds(Instant now) {
        return sessions.selectAcrossTenants(session -> session.status() == SessionStatus.PENDING_PAYMENT
                        && !session.isHeldAt(now))
                .stream().sorted(HOLD_EXPIRY_FIRST)
                .toList();
    }

    private static String reminderKey(TenantId tenant, UUID sessionId, Duration offset) {
        return tenant + "/" + sessionId + "/" + offset.getSeconds();
    }

    /** Every session the running unit of work sees, for exports. */
    List<Session> rows() {
        return sessions.select(row -> true);
    }
}
