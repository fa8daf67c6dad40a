package dev.coachkit.adapters.persistence.scheduling;

import static dev.coachkit.adapters.persistence.jooq.Tables.SESSIONS;

import dev.coachkit.adapters.persistence.jooq.tables.records.SessionsRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.domain.scheduling.PaidWith;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Sessions under row-level security. Overlaps are refused by the {@code sessions_no_overlap}
 * exclusion constraint, which holds across transactions and server processes; its violation (or the
 * deadlock two racing inserts can end in) becomes the domain's conflict.
 */
public final class PostgresSessions implements SessionRepository {

    private static final String EXCLUSION_VIOLATION = "23P01";
    /**
     * Two bookings of overlapping times inserted at the same moment can each find the other's row and
     * wait for it; PostgreSQL ends one with a deadlock, and the other takes the time. Nothing else in a
     * booking's transaction takes a lock, so for this insert a deadlock means the same as a violation.
     */
    private static final String DEADLOCK = "40P01";

    private static final String CLAIM_REMINDER = """
            insert into session_reminders (tenant_id, session_id, offset_seconds, sent_at)
            select tenant_id, id, {2}, {3} from sessions
             where tenant_id = {0} and id = {1} and status = 'SCHEDULED'
               for share
            on conflict do nothing
            """;

    /** The statuses that take the coach's time: the ones the exclusion constraint covers. */
    private static final List<String> OCCUPYING = Arrays.stream(SessionStatus.values())
            .filter(SessionStatus::occupiesCalendar).map(SessionStatus::name).toList();

    private final TenantTransactions transactions;

    public PostgresSessions(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Session session) {
        try {
            transactions.require(session.tenantId()).insertInto(SESSIONS)
                    .set(SESSIONS.TENANT_ID, session.tenantId().value())
                    .set(SESSIONS.ID, session.id())
                    .set(SESSIONS.COACH_ID, session.coachId().value())
                    .set(SESSIONS.ATHLETE_ID, session.athleteId().value())
                    .set(SESSIONS.SPACE_ID, session.spaceId().orElse(null))
                    .set(SESSIONS.STARTS_AT, Timestamps.toColumn(session.startsAt()))
                    .set(SESSIONS.ENDS_AT, Timestamps.toColumn(session.endsAt()))
                    .set(SESSIONS.STATUS, session.status().name())
                    .set(SESSIONS.NOTES, session.notes().orElse(null))
                    .set(SESSIONS.CREATED_AT, Timestamps.toColumn(session.createdAt()))
                    .set(SESSIONS.PAID_WITH, session.payment().paidWith().name())
                    .set(SESSIONS.ORDER_ID, session.payment().orderId().orElse(null))
                    .set(SESSIONS.HOLD_EXPIRES_AT, Timestamps.toColumn(session.payment().holdExpiresAt().orElse(null)))
                    .execute();
        } catch (DataAccessException e) {
            if (EXCLUSION_VIOLATION.equals(e.sqlState()) || DEADLOCK.equals(e.sqlState())) {
                throw new ConflictException("the coach already has a session at that time");
            }
            throw e;
        }
    }

    /** A scheduled session or one held for payment may be cancelled; a held one's hold goes with it. */
    @Override
    public void cancel(Session cancelled, SessionStatus expected) {
        int changed = transactions.require(cancelled.tenantId()).update(SESSIONS)
                .set(SESSIONS.STATUS, cancelled.status().name())
                .set(SESSIONS.CANCEL_REASON, cancelled.cancelReason().orElse(null))
                .set(SESSIONS.CANCELLED_AT, Timestamps.toColumn(cancelled.cancelledAt().orElseThrow()))
                .where(SESSIONS.TENANT_ID.eq(cancelled.tenantId().value()), SESSIONS.ID.eq(cancelled.id()),
                        SESSIONS.STATUS.eq(expected.name()), SESSIONS.STATUS.in(OCCUPYING))
                .execute();
        if (changed == 0) {
            throw new ConflictException("the session was cancelled or changed meanwhile; read it again");
        }
    }

    /**
     * One conditional UPDATE: the row lock makes a concurrent confirmation and expiry of one hold end with
     * exactly one of them stored. Moving a session into a status that occupies the calendar (a hold
     * confirmed) cannot overlap anything, as the held session already took the time.
     */
    @Override
    public boolean transition(Session updated, SessionStatus expected) {
        Session.Payment payment = updated.payment();
        try {
            return transactions.require(updated.tenantId()).update(SESSIONS)
                    .set(SESSIONS.STATUS, updated.status().name())
                    .set(SESSIONS.PAID_WITH, payment.paidWith().name())
                    .set(SESSIONS.ORDER_ID, payment.orderId().orElse(null))
                    .set(SESSIONS.HOLD_EXPIRES_AT, Timestamps.toColumn(payment.holdExpiresAt().orElse(null)))
                    .set(SESSIONS.CANCEL_REASON, updated.cancelReason().orElse(null))
                    .set(SESSIONS.CANCELLED_AT, Timestamps.toColumn(updated.cancelledAt().orElse(null)))
                    .where(SESSIONS.TENANT_ID.eq(updated.tenantId().value()), SESSIONS.ID.eq(updated.id()),
                            SESSIONS.STATUS.eq(expected.name()))
                    .execute() == 1;
        } catch (DataAccessException e) {
            // only a session that had freed its time can collide when it takes it again
            if (EXCLUSION_VIOLATION.equals(e.sqlState()) || DEADLOCK.equals(e.sqlState())) {
                throw new ConflictException("the coach already has a session at that time");
            }
            throw e;
        }
    }

    @Override
    public Optional<Session> find(TenantId tenant, UUID id) {
        return transactions.require(tenant).selectFrom(SESSIONS)
                .where(SESSIONS.TENANT_ID.eq(tenant.value()), SESSIONS.ID.eq(id))
                .fetchOptional(PostgresSessions::toDomain);
    }

    @Override
    public List<Session> scheduledOverlapping(TenantId tenant, AccountId coach, TimeRange range) {
        return transactions.require(tenant).selectFrom(SESSIONS)
                .where(SESSIONS.TENANT_ID.eq(tenant.value()), SESSIONS.COACH_ID.eq(coach.value()),
                        SESSIONS.STATUS.in(OCCUPYING),
                        SESSIONS.STARTS_AT.lt(Timestamps.toColumn(range.end())),
                        SESSIONS.ENDS_AT.gt(Timestamps.toColumn(range.start())))
                .orderBy(SESSIONS.STARTS_AT, SESSIONS.ID)
                .fetch(PostgresSessions::toDomain);
    }

    @Override
    public Page<Session> list(TenantId tenant, Filter filter, PageRequest page) {
        List<Condition> conditions = new ArrayList<>(List.of(SESSIONS.TENANT_ID.eq(tenant.value())));
        filter.from().ifPresent(from -> conditions.add(SESSIONS.STARTS_AT.ge(Timestamps.toColumn(from))));
        filter.to().ifPresent(to -> conditions.add(SESSIONS.STARTS_AT.lt(Timestamps.toColumn(to))));
        filter.coach().ifPresent(coach -> conditions.add(SESSIONS.COACH_ID.eq(coach.value())));
        filter.athlete().ifPresent(athlete -> conditions.add(SESSIONS.ATHLETE_ID.eq(athlete.value())));
        filter.status().ifPresent(status -> conditions.add(SESSIONS.STATUS.eq(status.name())));
        filter.participant().ifPresent(person -> conditions.add(
                SESSIONS.COACH_ID.eq(person.value()).or(SESSIONS.ATHLETE_ID.eq(person.value()))));
        page.after().ifPresent(cursor -> conditions.add(DSL.row(SESSIONS.STARTS_AT, SESSIONS.ID)
                .gt(Timestamps.toColumn(cursor.instantKey(0)), cursor.uuidKey(1))));
        List<Session> fetched = transactions.require(tenant).selectFrom(SESSIONS)
                .where(conditions)
                .orderBy(SESSIONS.STARTS_AT, SESSIONS.ID)
                .limit(page.limit() + 1)
                .fetch(PostgresSessions::toDomain);
        return Page.fromLookahead(fetched, page.limit(),
                session -> Cursor.of(session.startsAt().toString(), session.id().toString()));
    }

    /** One statement: the two slices as one {@code union all} of two limited selects. */
    @Override
    public List<Session> around(TenantId tenant, AccountId participant, Instant historyFrom, Instant now,
            int maxPast, int maxUpcoming) {
        DSLContext dsl = transactions.require(tenant);
        Condition theirs = SESSIONS.TENANT_ID.eq(tenant.value())
                .and(SESSIONS.COACH_ID.eq(participant.value()).or(SESSIONS.ATHLETE_ID.eq(participant.value())));
        return dsl.selectFrom(SESSIONS)
                .where(theirs, SESSIONS.STARTS_AT.ge(Timestamps.toColumn(historyFrom)),
                        SESSIONS.STARTS_AT.lt(Timestamps.toColumn(now)))
                .orderBy(SESSIONS.STARTS_AT.desc(), SESSIONS.ID.desc()).limit(maxPast)
                .unionAll(dsl.selectFrom(SESSIONS).where(theirs, SESSIONS.STARTS_AT.ge(Timestamps.toColumn(now)))
                        .orderBy(SESSIONS.STARTS_AT, SESSIONS.ID).limit(maxUpcoming))
                .fetch(PostgresSessions::toDomain).stream()
                // the order PostgreSQL gives (starts_at, id): a uuid sorts as its lower-case text does
                .sorted(Comparator.comparing(Session::startsAt).thenComparing(session -> session.id().toString()))
                .toList();
    }

    /** Share-locks the session, so a cancellation running at the same time either wins or waits for us. */
    @Override
    public boolean claimReminder(TenantId tenant, UUID sessionId, Duration offset, Instant at) {
        return transactions.require(tenant).query(CLAIM_REMINDER, DSL.val(tenant.value()), DSL.val(sessionId),
                DSL.val(offset.getSeconds()), DSL.val(Timestamps.toColumn(at))).execute() == 1;
    }

    private static Session toDomain(SessionsRecord row) {
        return Session.reconstitute(row.getId(), TenantId.of(row.getTenantId()), AccountId.of(row.getCoachId()),
                AccountId.of(row.getAthleteId()), Optional.ofNullable(row.getSpaceId()),
                new TimeRange(Timestamps.toInstant(row.getStartsAt()), Timestamps.toInstant(row.getEndsAt())),
                SessionStatus.valueOf(row.getStatus()), Optional.ofNullable(row.getNotes()),
                Optional.ofNullable(row.getCancelReason()), Timestamps.toInstant(row.getCreatedAt()),
                Optional.ofNullable(Timestamps.toInstant(row.getCancelledAt())),
                new Session.Payment(PaidWith.valueOf(row.getPaidWith()), Optional.ofNullable(row.getOrderId()),
                        Optional.ofNullable(Timestamps.toInstant(row.getHoldExpiresAt()))));
    }
}
