package dev.coachkit.application.scheduling.port.out;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static dev.coachkit.application.testing.IdentityBuilders.uniqueTokenHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.scheduling.port.out.DueReminders.DueReminder;
import dev.coachkit.application.scheduling.port.out.SessionRepository.Filter;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.scheduling.PaidWith;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.scheduling.TimeRange;
import dev.coachkit.domain.scheduling.WeeklyAvailability;
import dev.coachkit.domain.scheduling.WeeklySlot;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every adapter family of the scheduling stores guarantees: availability replaced as a whole,
 * sessions that never overlap for one coach (also under concurrency), cancelled sessions freeing
 * their time, filtered keyset pages, reminders claimed once, and calendar tokens. Every test works
 * with a tenant and accounts of its own.
 */
public abstract class SchedulingStoresContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract AccountRepository accounts();

    protected abstract TenantRepository tenants();

    protected abstract AvailabilityRepository availabilities();

    protected abstract SessionRepository sessions();

    protected abstract CalendarTokenRepository calendarTokens();

    /** The cross-tenant finder, with the scheduler's reach (the worker role in PostgreSQL). */
    protected abstract DueReminders dueReminders();

    private static final Instant MONDAY_9 = Instant.parse("2026-11-30T09:00:00.000001Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private TenantId tenant;
    private AccountId coach;
    private AccountId athlete;

    @BeforeEach
    void newTenantCoachAndAthlete() {
        tenant = newTenant();
        coach = newAccount();
        athlete = newAccount();
    }

    private TenantId newTenant() {
        Tenant created = aTenant().build();
        unitOfWork().runInTenant(created.id(), () -> tenants().add(created));
        return created.id();
    }

    private AccountId newAccount() {
        Account account = anAccount().build();
        unitOfWork().withoutTenant(() -> {
            accounts().add(account);
            return null;
        });
        return account.id();
    }

    private <T> T inTenant(Supplier<T> work) {
        return unitOfWork().inTenant(tenant, work);
    }

    private void run(Runnable work) {
        unitOfWork().runInTenant(tenant, work);
    }

    private Session session(AccountId coach, Instant start, Duration length) {
        return Session.book(UUID.randomUUID(), tenant, coach, athlete, Optional.empty(), start, start.plus(length),
                Optional.empty(), T0);
    }

    private Session book(Instant start, Duration length) {
        Session session = session(coach, start, length);
        run(() -> sessions().add(session));
        return session;
    }

    private Session cancel(Session session) {
        Session cancelled = session.cancel(Optional.of("ill"), T0.plusSeconds(60));
        run(() -> sessions().cancel(cancelled, session.status()));
        return cancelled;
    }

    @Test
    void availability_is_replaced_as_a_whole_and_read_back_with_zone_and_slots() {
        run(() -> availabilities().replace(new WeeklyAvailability(tenant, coach, ZoneId.of("Europe/Berlin"), List.of(
                new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(17, 30))), T0, false)));
        WeeklyAvailability replacement = new WeeklyAvailability(tenant, coach, ZoneId.of("America/New_York"),
                List.of(new WeeklySlot(DayOfWeek.FRIDAY, LocalTime.of(8, 15), LocalTime.of(10, 45)),
                        new WeeklySlot(DayOfWeek.FRIDAY, LocalTime.of(22, 0), WeeklySlot.END_OF_DAY),
                        new WeeklySlot(DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, WeeklySlot.END_OF_DAY)),
                T0.plusSeconds(1), false);
        run(() -> availabilities().replace(replacement));

        assertThat(inTenant(() -> availabilities().find(tenant, coach))).contains(replacement);
        assertThat(inTenant(() -> availabilities().find(tenant, athlete))).isEmpty();
    }

    @Test
    void a_session_is_read_back_with_every_field() {
        Session booked = Session.book(UUID.randomUUID(), tenant, coach, athlete, Optional.of(UUID.randomUUID()),
                MONDAY_9, MONDAY_9.plus(HOUR), Optional.of("bring shoes"), T0);
        run(() -> sessions().add(booked));

        Session found = inTenant(() -> sessions().find(tenant, booked.id())).orElseThrow();

        assertThat(found).usingRecursiveComparison().isEqualTo(booked);
    }

    @Test
    void an_overlapping_session_of_the_same_coach_is_a_conflict() {
        book(MONDAY_9, HOUR);

        assertThatThrownBy(() -> book(MONDAY_9.plus(Duration.ofMinutes(30)), HOUR))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> book(MONDAY_9.minus(Duration.ofMinutes(30)), Duration.ofMinutes(31)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void back_to_back_sessions_and_other_coaches_at_the_same_time_are_fine() {
        book(MONDAY_9, HOUR);
        book(MONDAY_9.plus(HOUR), HOUR);
        book(MONDAY_9.minus(HOUR), HOUR);
        Session otherCoach = session(newAccount(), MONDAY_9, HOUR);
        run(() -> sessions().add(otherCoach));

        assertThat(inTenant(() -> sessions().scheduledOverlapping(tenant, coach,
                new TimeRange(MONDAY_9.minus(HOUR), MONDAY_9.plus(HOUR.multipliedBy(2)))))).hasSize(3);
    }

    @Test
    void a_cancelled_session_frees_its_time_and_cannot_be_cancelled_again() {
        Session first = book(MONDAY_9, HOUR);
        Session cancelled = cancel(first);

        Session again = book(MONDAY_9, HOUR);

        assertThat(inTenant(() -> sessions().find(tenant, first.id()))).get()
                .usingRecursiveComparison().isEqualTo(cancelled);
        assertThat(inTenant(() -> sessions().scheduledOverlapping(tenant, coach, first.time())))
                .extracting(Session::id).containsExactly(again.id());
        assertThatThrownBy(() -> run(() -> sessions().cancel(first.cancel(Optional.empty(), T0),
                SessionStatus.SCHEDULED)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void of_sixteen_concurrent_bookings_of_one_slot_exactly_one_gets_through_and_the_rest_are_conflicts()
            throws Exception {
        // several rounds, as racing inserts fail in more than one way (a violation, or a deadlock)
        for (int round = 0; round < 5; round++) {
            Instant slot = MONDAY_9.plus(Duration.ofDays(7L * round));
            assertThat(concurrentBookings(slot, 16)).as("bookings through in round %d", round).isEqualTo(1);
            assertThat(inTenant(() -> sessions().scheduledOverlapping(tenant, coach, new TimeRange(slot,
                    slot.plus(HOUR))))).hasSize(1);
        }
    }

    /** How many of {@code threads} bookings of the hour at {@code slot}, started together, succeed. */
    private int concurrentBookings(Instant slot, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    try {
                        book(slot, HOUR);
                        return true;
                    } catch (ConflictException taken) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> attempt : attempts) {
                succeeded += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            return succeeded;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void eight_concurrent_cancellations_of_one_session_let_exactly_one_through() throws Exception {
        Session booked = book(MONDAY_9, HOUR);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String reason = "attempt " + i;
            attempts.add(pool.submit(() -> {
                start.await();
                try {
                    run(() -> {
                        sessions().cancel(booked.cancel(Optional.of(reason), T0.plusSeconds(60)),
                                SessionStatus.SCHEDULED);
                        holdTheUnitOpen(); // so that the others try while this cancellation is uncommitted
                    });
                    return true;
                } catch (ConflictException lost) {
                    return false;
                }
            }));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Boolean> attempt : attempts) {
            succeeded += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(succeeded).isEqualTo(1);
        assertThat(inTenant(() -> sessions().find(tenant, booked.id()))).get()
                .extracting(Session::status).isEqualTo(SessionStatus.CANCELLED);
    }

    private static void holdTheUnitOpen() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_same_coach_books_the_same_time_in_two_tenants() {
        book(MONDAY_9, HOUR);
        TenantId other = newTenant();
        Session elsewhere = Session.book(UUID.randomUUID(), other, coach, athlete, Optional.empty(), MONDAY_9,
                MONDAY_9.plus(HOUR), Optional.empty(), T0);

        unitOfWork().runInTenant(other, () -> sessions().add(elsewhere));

        assertThat(unitOfWork().inTenant(other, () -> sessions().scheduledOverlapping(other, coach, elsewhere.time())))
                .extracting(Session::id).containsExactly(elsewhere.id());
        assertThat(inTenant(() -> sessions().scheduledOverlapping(tenant, coach, elsewhere.time()))).hasSize(1);
    }

    @Test
    void lists_filter_by_time_people_and_status_and_page_in_start_order() {
        Session first = book(MONDAY_9, HOUR);
        Session second = book(MONDAY_9.plus(HOUR), HOUR);
        Session third = cancel(book(MONDAY_9.plus(HOUR.multipliedBy(2)), HOUR));
        Session otherCoach = session(newAccount(), MONDAY_9, HOUR);
        run(() -> sessions().add(otherCoach));

        Page<Session> firstPage = inTenant(() -> sessions().list(tenant, Filter.none(), PageRequest.first(2)));
        Page<Session> secondPage = inTenant(() -> sessions().list(tenant, Filter.none(),
                PageRequest.first(2).after(firstPage.next().orElseThrow())));
        Filter coachScheduledFrom10 = new Filter(Optional.of(MONDAY_9.plus(HOUR)), Optional.empty(),
                Optional.of(coach), Optional.empty(), Optional.of(SessionStatus.SCHEDULED), Optional.empty());

        assertThat(firstPage.items()).extracting(Session::startsAt).containsExactly(MONDAY_9, MONDAY_9);
        assertThat(secondPage.items()).extracting(Session::id).containsExactly(second.id(), third.id());
        assertThat(secondPage.next()).isEmpty();
        assertThat(inTenant(() -> sessions().list(tenant, coachScheduledFrom10, PageRequest.first(10))).items())
                .extracting(Session::id).containsExactly(second.id());
        assertThat(inTenant(() -> sessions().list(tenant, new Filter(Optional.empty(), Optional.of(MONDAY_9.plus(HOUR)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(coach)), PageRequest.first(10))).items())
                .extracting(Session::id).containsExactly(first.id());
    }

    @Test
    void around_now_are_the_latest_sessions_of_the_history_and_the_first_upcoming_ones_in_start_order() {
        Instant now = MONDAY_9.plus(HOUR.multipliedBy(10));
        book(MONDAY_9, HOUR); // before the history
        book(MONDAY_9.plus(HOUR.multipliedBy(2)), HOUR); // one past too many
        Session cancelled = cancel(book(MONDAY_9.plus(HOUR.multipliedBy(4)), HOUR));
        Session latest = book(MONDAY_9.plus(HOUR.multipliedBy(6)), HOUR);
        Session next = book(now, HOUR);
        Session later = book(now.plus(HOUR.multipliedBy(2)), HOUR);
        book(now.plus(HOUR.multipliedBy(4)), HOUR); // one upcoming too many
        Session withAnotherCoach = session(newAccount(), now.plus(HOUR), HOUR);
        run(() -> sessions().add(withAnotherCoach));

        assertThat(inTenant(() -> sessions().around(tenant, coach, MONDAY_9.plus(HOUR), now, 2, 2)))
                .extracting(Session::id).containsExactly(cancelled.id(), latest.id(), next.id(), later.id());
        assertThat(inTenant(() -> sessions().around(tenant, athlete, now, now, 2, 2)))
                .extracting(Session::id).containsExactly(next.id(), withAnotherCoach.id());
    }

    @Test
    void another_tenant_sees_none_of_the_sessions() {
        Session booked = book(MONDAY_9, HOUR);
        TenantId other = newTenant();

        assertThat(unitOfWork().inTenant(other, () -> sessions().find(other, booked.id()))).isEmpty();
        assertThat(unitOfWork().inTenant(other, () -> sessions().list(other, Filter.none(), PageRequest.first(10))
                .items())).isEmpty();
    }

    @Test
    void a_reminder_is_due_once_its_moment_has_come_and_is_claimed_only_once() {
        Session booked = book(MONDAY_9, HOUR);
        Instant dayBefore = MONDAY_9.minus(Duration.ofDays(1));
        List<Duration> offsets = List.of(Duration.ofDays(1), HOUR);

        assertThat(dueFor(booked, dayBefore.minusSeconds(1), offsets)).isEmpty();
        assertThat(dueFor(booked, dayBefore, offsets)).containsExactly(
                new DueReminder(tenant, booked.id(), Duration.ofDays(1)));
        assertThat(inTenant(() -> sessions().claimReminder(tenant, booked.id(), Duration.ofDays(1), dayBefore)))
                .isTrue();
        assertThat(inTenant(() -> sessions().claimReminder(tenant, booked.id(), Duration.ofDays(1), dayBefore)))
                .isFalse();
        assertThat(dueFor(booked, MONDAY_9.minus(Duration.ofMinutes(30)), offsets)).containsExactly(
                new DueReminder(tenant, booked.id(), HOUR));
        assertThat(dueFor(booked, MONDAY_9, offsets)).as("the session has started").isEmpty();
    }

    @Test
    void a_cancelled_session_has_no_due_reminder_and_cannot_be_claimed() {
        Session cancelled = cancel(book(MONDAY_9, HOUR));

        assertThat(dueFor(cancelled, MONDAY_9.minusSeconds(60), List.of(HOUR))).isEmpty();
        assertThat(inTenant(() -> sessions().claimReminder(tenant, cancelled.id(), HOUR, MONDAY_9))).isFalse();
    }

    @Test
    void a_reminder_whose_moment_passed_before_the_booking_is_never_due() {
        Session lateBooking = Session.book(UUID.randomUUID(), tenant, coach, athlete, Optional.empty(), MONDAY_9,
                MONDAY_9.plus(HOUR), Optional.empty(), MONDAY_9.minus(Duration.ofHours(2)));
        run(() -> sessions().add(lateBooking));

        assertThat(dueFor(lateBooking, MONDAY_9.minus(Duration.ofMinutes(30)), List.of(Duration.ofDays(1), HOUR)))
                .containsExactly(new DueReminder(tenant, lateBooking.id(), HOUR));
    }

    private List<DueReminder> dueFor(Session session, Instant now, List<Duration> offsets) {
        return dueReminders().due(now, offsets, 100_000).stream()
                .filter(reminder -> reminder.sessionId().equals(session.id())).toList();
    }

    /** A session held for payment of {@code orderId} until {@code holdExpiresAt}, as a paid booking adds it. */
    private Session held(Instant start, UUID orderId, Instant holdExpiresAt) {
        return Session.reconstitute(UUID.randomUUID(), tenant, coach, athlete, Optional.empty(),
                new TimeRange(start, start.plus(HOUR)), SessionStatus.PENDING_PAYMENT, Optional.of("paid booking"),
                Optional.empty(), T0, Optional.empty(),
                new Session.Payment(PaidWith.NONE, Optional.of(orderId), Optional.of(holdExpiresAt)));
    }

    private static Session withStatus(Session session, SessionStatus status, Session.Payment payment) {
        return Session.reconstitute(session.id(), session.tenantId(), session.coachId(), session.athleteId(),
                session.spaceId(), session.time(), status, session.notes(), session.cancelReason(),
                session.createdAt(), session.cancelledAt(), payment);
    }

    @Test
    void a_held_session_is_read_back_with_its_payment() {
        Session hold = held(MONDAY_9, UUID.randomUUID(), T0.plus(Duration.ofMinutes(15)));
        run(() -> sessions().add(hold));

        assertThat(inTenant(() -> sessions().find(tenant, hold.id()))).get()
                .usingRecursiveComparison().isEqualTo(hold);
    }

    @Test
    void a_held_session_takes_its_time_until_its_hold_expires() {
        Session hold = held(MONDAY_9, UUID.randomUUID(), T0.plus(Duration.ofMinutes(15)));
        run(() -> sessions().add(hold));

        assertThatThrownBy(() -> book(MONDAY_9.plus(Duration.ofMinutes(30)), HOUR))
                .isInstanceOf(ConflictException.class);
        assertThat(inTenant(() -> sessions().scheduledOverlapping(tenant, coach, hold.time())))
                .extracting(Session::id).containsExactly(hold.id());

        Session expired = withStatus(hold, SessionStatus.EXPIRED, hold.payment());
        assertThat(inTenant(() -> sessions().transition(expired, SessionStatus.PENDING_PAYMENT))).isTrue();

        Session again = book(MONDAY_9, HOUR);
        assertThat(inTenant(() -> sessions().find(tenant, hold.id()))).get()
                .usingRecursiveComparison().isEqualTo(expired);
        assertThat(inTenant(() -> sessions().scheduledOverlapping(tenant, coach, hold.time())))
                .extracting(Session::id).containsExactly(again.id());
    }

    @Test
    void a_paid_hold_becomes_a_scheduled_session_paid_with_a_credit() {
        UUID order = UUID.randomUUID();
        Session hold = held(MONDAY_9, order, T0.plus(Duration.ofMinutes(15)));
        run(() -> sessions().add(hold));
        Session confirmed = withStatus(hold, SessionStatus.SCHEDULED,
                new Session.Payment(PaidWith.CREDIT, Optional.of(order), Optional.empty()));

        assertThat(inTenant(() -> sessions().transition(confirmed, SessionStatus.PENDING_PAYMENT))).isTrue();

        assertThat(inTenant(() -> sessions().find(tenant, hold.id()))).get()
                .usingRecursiveComparison().isEqualTo(confirmed);
        assertThatThrownBy(() -> book(MONDAY_9, HOUR)).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_transition_from_a_status_the_session_left_changes_nothing() {
        UUID order = UUID.randomUUID();
        Session hold = held(MONDAY_9, order, T0.plus(Duration.ofMinutes(15)));
        run(() -> sessions().add(hold));
        Session expired = withStatus(hold, SessionStatus.EXPIRED, hold.payment());
        run(() -> sessions().transition(expired, SessionStatus.PENDING_PAYMENT));

        Session latePayment = withStatus(hold, SessionStatus.SCHEDULED,
                new Session.Payment(PaidWith.CREDIT, Optional.of(order), Optional.empty()));

        assertThat(inTenant(() -> sessions().transition(latePayment, SessionStatus.PENDING_PAYMENT))).isFalse();
        assertThat(inTenant(() -> sessions().find(tenant, hold.id()))).get()
                .usingRecursiveComparison().isEqualTo(expired);
    }

    @Test
    void a_held_session_can_be_cancelled_which_frees_its_time() {
        Session hold = held(MONDAY_9, UUID.randomUUID(), T0.plus(Duration.ofMinutes(15)));
        run(() -> sessions().add(hold));

        cancel(hold);

        book(MONDAY_9, HOUR);
    }

    @Test
    void a_cancellation_of_a_hold_that_a_payment_confirmed_meanwhile_is_a_conflict() {
        UUID order = UUID.randomUUID();
        Session hold = held(MONDAY_9, order, T0.plus(Duration.ofMinutes(15)));
        run(() -> sessions().add(hold));
        Session cancelledAsRead = hold.cancel(Optional.of("changed my mind"), T0.plusSeconds(30));
        Session confirmed = withStatus(hold, SessionStatus.SCHEDULED,
                new Session.Payment(PaidWith.CREDIT, Optional.of(order), Optional.empty()));
        run(() -> sessions().transition(confirmed, SessionStatus.PENDING_PAYMENT));

        assertThatThrownBy(() -> run(() -> sessions().cancel(cancelledAsRead, SessionStatus.PENDING_PAYMENT)))
                .as("it decided about a credit the session had not spent yet").isInstanceOf(ConflictException.class);
        assertThat(inTenant(() -> sessions().find(tenant, hold.id()))).get()
                .extracting(Session::status).isEqualTo(SessionStatus.SCHEDULED);
    }

    @Test
    void whether_an_availability_requires_a_credit_is_read_back() {
        WeeklyAvailability paid = new WeeklyAvailability(tenant, coach, ZoneId.of("Europe/Berlin"), List.of(
                new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))), T0, true);
        run(() -> availabilities().replace(paid));
        assertThat(inTenant(() -> availabilities().find(tenant, coach))).contains(paid);

        WeeklyAvailability free = new WeeklyAvailability(tenant, coach, ZoneId.of("Europe/Berlin"), paid.slots(),
                T0.plusSeconds(1), false);
        run(() -> availabilities().replace(free));
        assertThat(inTenant(() -> availabilities().find(tenant, coach))).contains(free);
    }

    @Test
    void a_calendar_token_names_its_owner_until_it_is_replaced() {
        TokenHash first = uniqueTokenHash();
        TokenHash second = uniqueTokenHash();
        run(() -> calendarTokens().replace(tenant, coach, first, T0));

        assertThat(calendarTokens().ownerOf(first)).contains(new CalendarTokenRepository.FeedOwner(tenant, coach));

        run(() -> calendarTokens().replace(tenant, coach, second, T0.plusSeconds(1)));

        assertThat(calendarTokens().ownerOf(first)).isEmpty();
        assertThat(calendarTokens().ownerOf(second)).contains(new CalendarTokenRepository.FeedOwner(tenant, coach));
    }
}
