package dev.coachkit.application.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.scheduling.port.in.BookSessionUseCase;
import dev.coachkit.application.scheduling.port.in.CancelSessionUseCase;
import dev.coachkit.application.scheduling.port.in.SetAvailabilityUseCase;
import dev.coachkit.application.scheduling.port.out.BookingPayments;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.scheduling.PaidWith;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.scheduling.WeeklySlot;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.PaymentRequiredException;
import dev.coachkit.domain.shared.Role;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduling where the host replaced paid bookings by {@link SchedulingModule#withoutPayments()}: a coach who
 * requires a credit is never booked for free by an athlete, and everyone else books as before.
 */
class SchedulingWithoutPaymentsTest {

    private static final Instant NEXT_MONDAY_9 = Instant.parse("2026-11-30T09:00:00Z");

    private final CoachKit core = CoachKit.builder().clock(new TickingClock())
            .adapter(BookingPayments.class, SchedulingModule.withoutPayments()).withInMemoryAdapters().build();
    private final SchedulingModule scheduling = core.scheduling();

    private Actor admin;
    private Actor coach;
    private Actor athlete;

    @BeforeEach
    void coachWhoRequiresACredit() {
        admin = actorOf(core.identity().register().register(new RegisterAccountUseCase.Command("ann@club.test",
                "correct horse battery", "Ann", "Admin", "Club", Optional.empty())));
        coach = join("cy@club.test", Role.COACH);
        athlete = join("bo@club.test", Role.ATHLETE);
        scheduling.setAvailability().set(new SetAvailabilityUseCase.Command(coach, Optional.empty(), "UTC",
                Arrays.stream(DayOfWeek.values()).map(day -> new WeeklySlot(day, LocalTime.of(8, 0),
                        LocalTime.of(20, 0))).toList(), Optional.of(true), Optional.empty()));
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

    private BookSessionUseCase.Booking book(Actor booker, Optional<AccountId> forAthlete, Optional<UUID> productId) {
        return scheduling.book().book(new BookSessionUseCase.Command(booker, coach.accountId(), NEXT_MONDAY_9,
                NEXT_MONDAY_9.plus(Duration.ofHours(1)), forAthlete, Optional.empty(), Optional.empty(), productId,
                Optional.empty()));
    }

    @Test
    void an_athlete_cannot_book_a_coach_who_requires_a_credit_with_or_without_a_pack() {
        assertThatThrownBy(() -> book(athlete, Optional.empty(), Optional.empty()))
                .isInstanceOf(PaymentRequiredException.class);
        assertThatThrownBy(() -> book(athlete, Optional.empty(), Optional.of(UUID.randomUUID())))
                .isInstanceOf(PaymentRequiredException.class);
    }

    @Test
    void staff_still_book_and_cancel_for_the_athlete() {
        Session session = book(coach, Optional.of(athlete.accountId()), Optional.empty()).session();

        assertThat(session.payment().paidWith()).isEqualTo(PaidWith.NONE);
        assertThat(scheduling.cancel().cancel(new CancelSessionUseCase.Command(athlete, session.id(), Optional.empty(),
                Optional.empty())).status()).isEqualTo(SessionStatus.CANCELLED);
    }
}
