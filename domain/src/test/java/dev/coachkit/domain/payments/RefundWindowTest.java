package dev.coachkit.domain.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When cancelling a credit-paid session gives the credit back. */
class RefundWindowTest {

    private static final TenantId TENANT = TenantId.of(UUID.randomUUID());
    private static final AccountId COACH = AccountId.of(UUID.randomUUID());
    private static final AccountId ATHLETE = AccountId.of(UUID.randomUUID());
    private static final Instant START = Instant.parse("2026-11-30T09:00:00Z");
    private static final RefundWindow DAY = RefundWindow.of(PaymentSettings.defaults());

    private static Session paidWithCredit() {
        return Session.book(UUID.randomUUID(), TENANT, COACH, ATHLETE, Optional.empty(), START,
                START.plus(Duration.ofHours(1)), Optional.empty(), START.minus(Duration.ofDays(7))).paidWithCredit();
    }

    private static Actor as(AccountId account, Role role) {
        return new Actor(TENANT, account, role);
    }

    @Test
    void the_athlete_gets_the_credit_back_up_to_the_window_and_forfeits_it_after() {
        Actor athlete = as(ATHLETE, Role.ATHLETE);

        assertThat(DAY.returnsCredit(paidWithCredit(), athlete, START.minus(Duration.ofHours(25)))).isTrue();
        assertThat(DAY.returnsCredit(paidWithCredit(), athlete, START.minus(Duration.ofHours(24)))).as("exactly")
                .isTrue();
        assertThat(DAY.returnsCredit(paidWithCredit(), athlete, START.minus(Duration.ofHours(23)))).isFalse();
    }

    @Test
    void the_coach_a_scheduler_or_an_admin_cancelling_always_returns_the_credit() {
        Instant late = START.minus(Duration.ofMinutes(5));

        assertThat(DAY.returnsCredit(paidWithCredit(), as(COACH, Role.COACH), late)).isTrue();
        assertThat(DAY.returnsCredit(paidWithCredit(), as(AccountId.of(UUID.randomUUID()), Role.SCHEDULER), late))
                .isTrue();
        assertThat(DAY.returnsCredit(paidWithCredit(), as(AccountId.of(UUID.randomUUID()), Role.ADMIN), late))
                .isTrue();
    }

    @Test
    void a_session_that_spent_no_credit_returns_none() {
        Session free = Session.book(UUID.randomUUID(), TENANT, COACH, ATHLETE, Optional.empty(), START,
                START.plus(Duration.ofHours(1)), Optional.empty(), START.minus(Duration.ofDays(7)));

        assertThat(DAY.returnsCredit(free, as(COACH, Role.COACH), START.minus(Duration.ofDays(3)))).isFalse();
    }

    @Test
    void a_window_of_zero_hours_returns_the_credit_until_the_start() {
        RefundWindow none = RefundWindow.of(new PaymentSettings(0, Optional.empty()));

        assertThat(none.returnsCredit(paidWithCredit(), as(ATHLETE, Role.ATHLETE), START.minusSeconds(1))).isTrue();
        assertThat(none.returnsCredit(paidWithCredit(), as(ATHLETE, Role.ATHLETE), START.plusSeconds(1))).isFalse();
    }
}
