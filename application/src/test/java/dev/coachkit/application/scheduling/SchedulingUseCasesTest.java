package dev.coachkit.application.scheduling;

import static dev.coachkit.application.testing.PaymentBuilders.aPack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.community.port.in.CreateSpaceUseCase;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.identity.port.in.UpdateProfileUseCase;
import dev.coachkit.application.memory.InMemoryAccounts;
import dev.coachkit.application.memory.InMemoryAuditLog;
import dev.coachkit.application.memory.InMemoryAvailabilities;
import dev.coachkit.application.memory.InMemoryCalendarTokens;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryInvitations;
import dev.coachkit.application.memory.InMemoryMemberships;
import dev.coachkit.application.memory.InMemoryNotifications;
import dev.coachkit.application.memory.InMemoryProcessedEvents;
import dev.coachkit.application.memory.InMemoryRefreshTokens;
import dev.coachkit.application.memory.InMemorySessions;
import dev.coachkit.application.memory.InMemoryTenants;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.notification.port.in.ListNotificationsUseCase;
import dev.coachkit.application.scheduling.port.in.BookSessionUseCase;
import dev.coachkit.application.scheduling.port.in.CancelSessionUseCase;
import dev.coachkit.application.scheduling.port.in.GetAvailabilityUseCase;
import dev.coachkit.application.scheduling.port.in.GetCalendarFeedUseCase;
import dev.coachkit.application.scheduling.port.in.ListSessionsUseCase;
import dev.coachkit.application.scheduling.port.in.SetAvailabilityUseCase;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.scheduling.WeeklySlot;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.Role;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduling use cases, the reminder job and the session notifications, specified on the in-memory adapters. */
class SchedulingUseCasesTest {

    /** The ticking clock starts at 2026-11-25T10:00Z, a Wednesday. */
    private static final Instant NEXT_MONDAY_9 = Instant.parse("2026-11-30T09:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final List<Duration> OFFSETS = List.of(Duration.ofHours(24), HOUR);

    private final TickingClock clock = new TickingClock();
    private final InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
    private final InMemorySessions sessions = new InMemorySessions(memory);
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(memory, clock);
    private final CoachKit core = core();
    private final SchedulingModule scheduling = core.scheduling();

    private Actor admin;
    private Actor coach;
    private Actor athlete;

    private CoachKit core() {
        InMemoryAccounts accounts = new InMemoryAccounts(memory);
        InMemoryTenants tenants = new InMemoryTenants(memory);
        return CoachKit.builder().clock(clock).unitOfWork(memory).eventOutbox(outbox)
                .identityStores(accounts, tenants, new InMemoryMemberships(memory, accounts, tenants),
                        new InMemoryInvitations(memory), new InMemoryRefreshTokens(), new InMemoryAuditLog(memory))
                .eventStores(new InMemoryProcessedEvents(memory, clock), new InMemoryNotifications(memory))
                .schedulingStores(new InMemoryAvailabilities(memory), sessions, new InMemoryCalendarTokens(memory))
                .withInMemoryAdapters().build();
    }

    @BeforeEach
    void clubWithCoachAndAthlete() {
        AuthResult registered = core.identity().register().register(new RegisterAccountUseCase.Command(
                "ann@club.test", "correct horse battery", "Ann", "Admin", "Club", Optional.empty()));
        admin = actorOf(registered);
        coach = join("cy@club.test", Role.COACH);
        athlete = join("bo@club.test", Role.ATHLETE);
        scheduling.setAvailability().set(new SetAvailabilityUseCase.Command(coach, Optional.empty(), "UTC",
                Arrays.stream(DayOfWeek.values()).map(day -> new WeeklySlot(day, LocalTime.of(8, 0),
                        LocalTime.of(20, 0))).toList(), Optional.of(false), Optional.empty()));
    }

    private Actor join(String email, Role role) {
        String token = core.identity().invite().invite(new InviteMemberUseCase.Command(admin, admin.tenantId(), email,
                role, Optional.empty())).acceptToken();
        return actorOf(core.identity().acceptInvitation().accept(new AcceptInvitationUseCase.Command(token,
                Optional.empty(), Optional.of(new AcceptInvitationUseCase.NewAccount("another good password", "X",
                        "Y")), Optional.empty())));
    }

    private Actor actorOf(AuthResult session) {
        return core.identity().authenticate().authenticate(session.accessToken()).actor();
    }

    private Session book(Instant start) {
        return scheduling.book().book(new BookSessionUseCase.Command(athlete, coach.accountId(), start,
                start.plus(HOUR), Optional.empty(), Optional.empty(), Optional.of("serve practice"), Optional.empty(),
                Optional.empty())).session();
    }

    private void deliverPendingEvents() {
        List<EventEnvelope> pending = outbox.unpublished(admin.tenantId());
        pending.forEach(core.handleEvent()::handle);
        pending.forEach(core.handleEvent()::handle); // a redelivery changes nothing
    }

    private List<Notification> notificationsOf(Actor member) {
        return core.listNotifications().notifications(new ListNotificationsUseCase.Query(member, false,
                PageRequest.first(50))).items();
    }

    private long reminderEvents(Session session, Duration offset) {
        return outbox.unpublished(admin.tenantId()).stream()
                .filter(e -> e.type().equals("session.reminder") && e.subjectId().equals(session.id())
                        && e.payload().get("offsetMinutes").equals(offset.toMinutes()))
                .count();
    }

    @Test
    void booking_and_cancelling_notify_the_coach_and_the_athlete_once_each() {
        Session session = book(NEXT_MONDAY_9);
        scheduling.cancel().cancel(new CancelSessionUseCase.Command(coach, session.id(), Optional.of("court closed"),
                Optional.empty()));

        deliverPendingEvents();

        for (Actor member : List.of(coach, athlete)) {
            assertThat(notificationsOf(member)).extracting(Notification::title)
                    .containsExactlyInAnyOrder("Session booked", "Session cancelled");
        }
        assertThat(notificationsOf(athlete)).filteredOn(n -> n.type().equals("session.cancelled"))
                .singleElement().satisfies(n -> assertThat(n.body()).contains("court closed"));
        assertThat(notificationsOf(admin)).isEmpty();
    }

    @Test
    void each_recipient_reads_the_sessions_time_in_their_own_zone() {
        inZone(coach, "Europe/Berlin");
        inZone(athlete, "America/New_York");
        Session session = book(NEXT_MONDAY_9);
        advanceTo(NEXT_MONDAY_9.minus(HOUR));
        scheduling.reminders(sessions, OFFSETS).runOnce();
        scheduling.cancel().cancel(new CancelSessionUseCase.Command(coach, session.id(), Optional.of("court closed"),
                Optional.empty()));

        deliverPendingEvents();

        assertThat(notificationsOf(coach)).extracting(Notification::body).containsExactlyInAnyOrder(
                "A session was booked for Mon 30 Nov 2026, 10:00–11:00 (Europe/Berlin).",
                "Reminder: your session is Mon 30 Nov 2026, 10:00–11:00 (Europe/Berlin).",
                "The session of Mon 30 Nov 2026, 10:00–11:00 (Europe/Berlin) was cancelled: court closed");
        assertThat(notificationsOf(athlete)).extracting(Notification::body).containsExactlyInAnyOrder(
                "A session was booked for Mon 30 Nov 2026, 04:00–05:00 (America/New_York).",
                "Reminder: your session is Mon 30 Nov 2026, 04:00–05:00 (America/New_York).",
                "The session of Mon 30 Nov 2026, 04:00–05:00 (America/New_York) was cancelled: court closed");
    }

    @Test
    void a_recipient_who_never_chose_a_zone_reads_utc() {
        book(NEXT_MONDAY_9);

        deliverPendingEvents();

        assertThat(notificationsOf(athlete)).extracting(Notification::body)
                .containsExactly("A session was booked for Mon 30 Nov 2026, 09:00–10:00 (UTC).");
    }

    private void inZone(Actor member, String zone) {
        core.identity().updateProfile().updateProfile(new UpdateProfileUseCase.Command(member, Optional.empty(),
                Optional.empty(), Optional.of(zone), Optional.empty()));
    }

    private void advanceTo(Instant instant) {
        clock.advance(Duration.between(clock.now(), instant));
    }

    @Test
    void two_reminder_jobs_running_at_once_and_again_later_record_each_reminder_exactly_once() {
        Session session = book(NEXT_MONDAY_9);
        SessionReminders first = scheduling.reminders(sessions, OFFSETS);
        SessionReminders second = scheduling.reminders(sessions, OFFSETS);

        int sent = 0;
        for (Duration offset : OFFSETS) {
            advanceTo(NEXT_MONDAY_9.minus(offset));
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(first::runOnce);
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(second::runOnce);
            sent += one.join() + other.join();
            sent += second.runOnce();
        }

        assertThat(sent).as("the 24-hour and the 1-hour reminder, once each").isEqualTo(2);
        assertThat(reminderEvents(session, Duration.ofHours(24))).isEqualTo(1);
        assertThat(reminderEvents(session, HOUR)).isEqualTo(1);
        deliverPendingEvents();
        assertThat(notificationsOf(athlete)).extracting(Notification::title)
                .contains("Session starts in 24 hours", "Session starts in 1 hour");
    }

    @Test
    void after_an_outage_only_the_closest_due_reminder_is_sent_and_the_earlier_ones_are_claimed_silently() {
        Session session = book(NEXT_MONDAY_9);
        advanceTo(NEXT_MONDAY_9.minus(Duration.ofMinutes(30)));
        SessionReminders reminders = scheduling.reminders(sessions, OFFSETS);

        assertThat(reminders.runOnce()).isEqualTo(1);
        assertThat(reminders.runOnce()).as("the 24-hour reminder is claimed, not due again").isZero();
        assertThat(reminderEvents(session, Duration.ofHours(24))).isZero();
        assertThat(reminderEvents(session, HOUR)).isEqualTo(1);
        deliverPendingEvents();
        assertThat(notificationsOf(athlete)).extracting(Notification::title)
                .contains("Session starts in 1 hour").doesNotContain("Session starts in 24 hours");
    }

    @Test
    void the_calendar_feed_keeps_upcoming_sessions_of_a_busy_account_and_the_latest_history() {
        Instant now = clock.now();
        List<Session> past = new ArrayList<>();
        for (int i = 600; i >= 1; i--) { // 600 hours of history, well inside the 90 days a feed reaches back
            past.add(Session.book(UUID.randomUUID(), admin.tenantId(), coach.accountId(), athlete.accountId(),
                    Optional.empty(), now.minus(HOUR.multipliedBy(i)), now.minus(HOUR.multipliedBy(i - 1)),
                    Optional.empty(), now.minus(Duration.ofDays(80))));
        }
        memory.runInTenant(admin.tenantId(), () -> past.forEach(sessions::add));
        Session upcoming = book(NEXT_MONDAY_9);
        String token = scheduling.rotateCalendarToken().rotate(athlete);

        List<Session> feed = scheduling.calendarFeed().feed(token).sessions();

        assertThat(feed).extracting(Session::id).endsWith(upcoming.id());
        assertThat(feed).hasSize(GetCalendarFeedUseCase.MAX_PAST + 1);
        assertThat(feed.subList(0, GetCalendarFeedUseCase.MAX_PAST)).extracting(Session::id)
                .as("the latest history").containsExactlyElementsOf(past.subList(past.size()
                        - GetCalendarFeedUseCase.MAX_PAST, past.size()).stream().map(Session::id).toList());
    }

    @Test
    void a_cancelled_session_is_never_reminded() {
        Session session = book(NEXT_MONDAY_9);
        scheduling.cancel().cancel(new CancelSessionUseCase.Command(athlete, session.id(), Optional.empty(),
                Optional.empty()));
        clock.advance(Duration.between(Instant.parse("2026-11-25T10:00:00Z"), NEXT_MONDAY_9.minus(HOUR)));

        assertThat(scheduling.reminders(sessions, OFFSETS).runOnce()).isZero();
    }

    @Test
    void a_session_from_23_30_to_00_30_is_booked_across_a_slot_ending_at_24_00_and_the_next_days_slot() {
        scheduling.setAvailability().set(new SetAvailabilityUseCase.Command(coach, Optional.empty(), "UTC", List.of(
                new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(22, 0), WeeklySlot.END_OF_DAY),
                new WeeklySlot(DayOfWeek.TUESDAY, LocalTime.MIDNIGHT, LocalTime.of(2, 0))), Optional.of(false), Optional.empty()));
        Instant mondayLate = Instant.parse("2026-11-30T23:30:00Z");

        Session session = book(mondayLate);

        assertThat(session.endsAt()).isEqualTo(Instant.parse("2026-12-01T00:30:00Z"));
    }

    @Test
    void openings_of_a_coach_leave_out_booked_sessions() {
        book(NEXT_MONDAY_9);

        var availability = scheduling.availability().availability(new GetAvailabilityUseCase.Query(athlete,
                coach.accountId(), Optional.of(NEXT_MONDAY_9.minus(HOUR)), Optional.of(NEXT_MONDAY_9.plus(HOUR))));

        assertThat(availability.openings()).extracting(range -> range.start() + "/" + range.end())
                .containsExactly("2026-11-30T08:00:00Z/2026-11-30T09:00:00Z");
    }

    @Test
    void a_held_session_occupies_its_slot_and_cancelling_it_frees_the_slot_and_tells_nobody() {
        scheduling.setAvailability().set(new SetAvailabilityUseCase.Command(coach, Optional.empty(), "UTC",
                Arrays.stream(DayOfWeek.values()).map(day -> new WeeklySlot(day, LocalTime.of(8, 0),
                        LocalTime.of(20, 0))).toList(), Optional.of(true), Optional.empty()));
        UUID pack = core.payments().createProduct().create(aPack(admin).build()).id();
        Session held = scheduling.book().book(new BookSessionUseCase.Command(athlete, coach.accountId(), NEXT_MONDAY_9,
                NEXT_MONDAY_9.plus(HOUR), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(pack),
                Optional.empty())).session();
        assertThat(held.status()).isEqualTo(SessionStatus.PENDING_PAYMENT);
        assertThat(openingsAround(NEXT_MONDAY_9)).containsExactly("2026-11-30T08:00:00Z/2026-11-30T09:00:00Z");

        Session cancelled = scheduling.cancel().cancel(new CancelSessionUseCase.Command(athlete, held.id(),
                Optional.empty(), Optional.empty()));

        assertThat(cancelled.status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(openingsAround(NEXT_MONDAY_9)).containsExactly("2026-11-30T08:00:00Z/2026-11-30T10:00:00Z");
        deliverPendingEvents();
        assertThat(notificationsOf(coach)).isEmpty();
        assertThatThrownBy(() -> scheduling.cancel().cancel(new CancelSessionUseCase.Command(athlete, held.id(),
                Optional.empty(), Optional.empty()))).isInstanceOf(ConflictException.class);
    }

    private List<String> openingsAround(Instant start) {
        return scheduling.availability().availability(new GetAvailabilityUseCase.Query(athlete, coach.accountId(),
                        Optional.of(start.minus(HOUR)), Optional.of(start.plus(HOUR)))).openings().stream()
                .map(range -> range.start() + "/" + range.end()).toList();
    }

    @Test
    void a_window_of_exactly_62_days_is_accepted_and_one_instant_more_is_not() {
        Instant from = NEXT_MONDAY_9;
        Instant to = from.plus(GetAvailabilityUseCase.MAX_WINDOW);

        var availability = scheduling.availability().availability(new GetAvailabilityUseCase.Query(athlete,
                coach.accountId(), Optional.of(from), Optional.of(to)));

        assertThat(availability.window().end()).isEqualTo(to);
        assertThat(availability.openings()).last().extracting(range -> range.end()).isEqualTo(to);
        assertThatThrownBy(() -> scheduling.availability().availability(new GetAvailabilityUseCase.Query(athlete,
                coach.accountId(), Optional.of(from), Optional.of(to.plusNanos(1)))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void instants_further_than_five_years_from_now_are_invalid_input_not_an_overflow() {
        Instant farFuture = Instant.parse("+1000000000-01-01T00:00:00Z");
        Instant year300000 = Instant.parse("+300000-01-01T09:00:00Z");
        Instant farPast = Instant.parse("2020-01-01T00:00:00Z");

        assertThatThrownBy(() -> scheduling.availability().availability(new GetAvailabilityUseCase.Query(athlete,
                coach.accountId(), Optional.of(farFuture), Optional.empty()))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> scheduling.availability().availability(new GetAvailabilityUseCase.Query(athlete,
                coach.accountId(), Optional.of(farPast), Optional.of(farPast.plus(HOUR)))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> book(year300000)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> scheduling.sessions().sessions(new ListSessionsUseCase.Query(admin,
                new ListSessionsUseCase.Filter(Optional.of(year300000), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()), PageRequest.first(10))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(book(NEXT_MONDAY_9.plus(Duration.ofDays(4 * 365))).isScheduled()).as("four years ahead").isTrue();
    }

    private Session bookIn(UUID spaceId, Instant start) {
        return scheduling.book().book(new BookSessionUseCase.Command(athlete, coach.accountId(), start,
                start.plus(HOUR), Optional.empty(), Optional.of(spaceId), Optional.empty(), Optional.empty(),
                Optional.empty())).session();
    }

    private UUID space(boolean isPrivate) {
        return core.community().createSpace().create(new CreateSpaceUseCase.Command(coach, "Juniors", "",
                isPrivate, Optional.empty())).space().id();
    }

    @Test
    void a_session_names_only_a_space_the_booker_may_read() {
        UUID open = space(false);
        UUID hidden = space(true);

        assertThat(bookIn(open, NEXT_MONDAY_9).spaceId()).contains(open);
        assertThatThrownBy(() -> bookIn(hidden, NEXT_MONDAY_9.plus(HOUR)))
                .as("a private space of which the athlete is no member").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bookIn(UUID.randomUUID(), NEXT_MONDAY_9.plus(HOUR)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_coach_is_not_their_own_athlete_and_an_athlete_has_no_calendar() {
        assertThatThrownBy(() -> scheduling.book().book(new BookSessionUseCase.Command(coach, coach.accountId(),
                NEXT_MONDAY_9, NEXT_MONDAY_9.plus(HOUR), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> scheduling.availability().availability(new GetAvailabilityUseCase.Query(coach,
                athlete.accountId(), Optional.empty(), Optional.empty()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> scheduling.availability().availability(new GetAvailabilityUseCase.Query(coach,
                AccountId.of(UUID.randomUUID()), Optional.empty(), Optional.empty())))
                .isInstanceOf(NotFoundException.class);
    }
}
