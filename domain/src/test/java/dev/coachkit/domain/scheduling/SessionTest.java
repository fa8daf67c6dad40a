package dev.coachkit.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionTest {

    private static final TenantId TENANT = TenantId.of(UUID.randomUUID());
    private static final AccountId COACH = AccountId.of(UUID.randomUUID());
    private static final AccountId ATHLETE = AccountId.of(UUID.randomUUID());
    private static final Instant NINE = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-11-30T10:00:00Z");

    private static Session booked() {
        return Session.book(UUID.randomUUID(), TENANT, COACH, ATHLETE, Optional.empty(), NINE, TEN,
                Optional.of("  bring shoes "), NINE.minusSeconds(3600));
    }

    @Test
    void a_session_ends_after_it_starts() {
        assertThatThrownBy(() -> Session.book(UUID.randomUUID(), TENANT, COACH, ATHLETE, Optional.empty(), TEN, NINE,
                Optional.empty(), NINE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("endsAt");
    }

    @Test
    void cancelling_records_reason_and_time_once() {
        Session cancelled = booked().cancel(Optional.of("ill"), NINE);

        assertThat(cancelled.status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).contains("ill");
        assertThat(cancelled.cancelledAt()).contains(NINE);
        assertThat(booked().notes()).contains("bring shoes");
        assertThatThrownBy(() -> cancelled.cancel(Optional.empty(), TEN)).isInstanceOf(ConflictException.class);
    }

    @Test
    void half_open_ranges_touching_at_an_end_do_not_overlap() {
        TimeRange first = new TimeRange(NINE, TEN);

        assertThat(first.overlaps(new TimeRange(TEN, TEN.plusSeconds(60)))).isFalse();
        assertThat(first.overlaps(new TimeRange(TEN.minusSeconds(1), TEN.plusSeconds(60)))).isTrue();
    }

    @Test
    void athletes_book_for_themselves_coaches_on_their_calendar_schedulers_and_admins_for_anyone() {
        AccountId someoneElse = AccountId.of(UUID.randomUUID());

        SchedulingPolicy.requireMayBook(new Actor(TENANT, ATHLETE, Role.ATHLETE), COACH, ATHLETE);
        SchedulingPolicy.requireMayBook(new Actor(TENANT, COACH, Role.COACH), COACH, ATHLETE);
        SchedulingPolicy.requireMayBook(new Actor(TENANT, someoneElse, Role.SCHEDULER), COACH, ATHLETE);
        SchedulingPolicy.requireMayBook(new Actor(TENANT, someoneElse, Role.ADMIN), COACH, ATHLETE);
        assertThatThrownBy(() -> SchedulingPolicy.requireMayBook(new Actor(TENANT, someoneElse, Role.ATHLETE), COACH,
                ATHLETE)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> SchedulingPolicy.requireMayBook(new Actor(TENANT, someoneElse, Role.COACH), COACH,
                ATHLETE)).isInstanceOf(PermissionDeniedException.class);
    }
    private static Session held(Instant expiresAt) {
        return Session.hold(UUID.randomUUID(), TENANT, COACH, ATHLETE, Optional.empty(), NINE, TEN, Optional.empty(),
                UUID.randomUUID(), expiresAt, NINE.minusSeconds(7200));
    }

    @Test
    void a_held_session_occupies_the_calendar_until_paid_or_expired() {
        Instant expiry = NINE.minusSeconds(6300);
        Session held = held(expiry);

        assertThat(held.status()).isEqualTo(SessionStatus.PENDING_PAYMENT);
        assertThat(held.status().occupiesCalendar()).isTrue();
        assertThat(held.payment().paidWith()).isEqualTo(PaidWith.NONE);
        assertThat(held.payment().holdExpiresAt()).contains(expiry);
        assertThat(held.isHeldAt(expiry.minusSeconds(1))).isTrue();
        assertThat(held.isHeldAt(expiry)).isFalse();
    }

    @Test
    void a_payment_in_time_confirms_the_hold_and_a_late_one_does_not() {
        Instant expiry = NINE.minusSeconds(6300);
        Session held = held(expiry);

        Session confirmed = held.confirmPaid(expiry.minusSeconds(1)).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(confirmed.isPaidWithCredit()).isTrue();
        assertThat(confirmed.payment().orderId()).isEqualTo(held.payment().orderId());
        assertThat(held.confirmPaid(expiry)).as("the hold ran out").isEmpty();
        assertThat(confirmed.confirmPaid(expiry.minusSeconds(2))).as("confirmed once").isEmpty();
    }

    @Test
    void an_expired_hold_frees_the_time_and_cannot_be_cancelled_or_confirmed() {
        Session expired = held(NINE.minusSeconds(6300)).expireHold().orElseThrow();

        assertThat(expired.status()).isEqualTo(SessionStatus.EXPIRED);
        assertThat(expired.status().occupiesCalendar()).isFalse();
        assertThat(expired.expireHold()).isEmpty();
        assertThat(expired.confirmPaid(NINE.minusSeconds(7000))).isEmpty();
        assertThatThrownBy(() -> expired.cancel(Optional.empty(), NINE)).isInstanceOf(ConflictException.class);
        assertThat(booked().expireHold()).as("a scheduled session is not a hold").isEmpty();
    }

    @Test
    void a_held_session_may_be_cancelled() {
        Session cancelled = held(NINE.minusSeconds(6300)).cancel(Optional.of("changed my mind"),
                NINE.minusSeconds(7000));

        assertThat(cancelled.status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(cancelled.confirmPaid(NINE.minusSeconds(6900))).isEmpty();
    }
}
