package dev.coachkit.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountTokenTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Account ANN = Account.create(AccountId.of(UUID.randomUUID()),
            new EmailAddress("ann@example.test"), new PersonName("Ann", "Coach"), "hash", NOW);

    private final AccountToken reset =
            AccountToken.passwordReset(UUID.randomUUID(), ANN, TokenHash.of("secret"), NOW, Duration.ofMinutes(30));

    @Test
    void a_reset_is_bound_to_its_account_and_address_and_expires_after_its_validity() {
        assertThat(reset.purpose()).isEqualTo(AccountToken.Purpose.PASSWORD_RESET);
        assertThat(reset.account()).contains(ANN.id());
        assertThat(reset.email()).isEqualTo(ANN.email());
        assertThat(reset.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void redeeming_before_expiry_records_when() {
        AccountToken used = reset.redeem(NOW.plus(Duration.ofMinutes(29)));

        assertThat(used.usedAt()).contains(NOW.plus(Duration.ofMinutes(29)));
        assertThat(reset.usedAt()).as("the original is unchanged").isEmpty();
    }

    @Test
    void a_token_is_single_use() {
        AccountToken used = reset.redeem(NOW);

        assertThatThrownBy(() -> used.redeem(NOW)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .containsExactly(new InvalidInputException.FieldError("token", AccountToken.UNUSABLE)));
    }

    @Test
    void an_expired_token_is_refused_from_its_expiry_on() {
        assertThatThrownBy(() -> reset.redeem(NOW.plus(Duration.ofMinutes(30))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(AccountToken.UNUSABLE);
    }

    @Test
    void a_verification_is_bound_to_the_address_only() {
        AccountToken verification = AccountToken.emailVerification(UUID.randomUUID(), ANN.email(),
                TokenHash.of("other"), NOW, Duration.ofDays(7));

        assertThat(verification.account()).isEmpty();
        assertThat(verification.redeem(NOW.plus(Duration.ofDays(6))).usedAt()).isPresent();
    }

    @Test
    void an_account_starts_unverified_and_keeps_the_mark_across_a_password_change() {
        assertThat(ANN.emailVerified()).isFalse();
        assertThat(ANN.withEmailVerified().withPasswordHash("new").emailVerified()).isTrue();
        assertThat(ANN.withEmailVerified().erased().emailVerified()).isFalse();
    }
}
