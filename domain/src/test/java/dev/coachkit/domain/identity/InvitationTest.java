package dev.coachkit.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final Invitation pending = Invitation.issue(UUID.randomUUID(), TenantId.of(UUID.randomUUID()),
            new EmailAddress("ann@example.test"), Role.ATHLETE, TokenHash.of("secret"), AccountId.of(UUID.randomUUID()),
            NOW, Duration.ofDays(7));

    @Test
    void accepting_a_pending_invitation_before_expiry_records_when() {
        Invitation accepted = pending.accept(NOW.plus(Duration.ofDays(1)));

        assertThat(accepted.status()).isEqualTo(Invitation.Status.ACCEPTED);
        assertThat(accepted.acceptedAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(pending.status()).as("the original is unchanged").isEqualTo(Invitation.Status.PENDING);
    }

    @Test
    void an_invitation_is_single_use() {
        Invitation accepted = pending.accept(NOW);

        assertThatThrownBy(() -> accepted.accept(NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already");
    }

    @Test
    void an_expired_invitation_cannot_be_accepted() {
        assertThatThrownBy(() -> pending.accept(NOW.plus(Duration.ofDays(7))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired");
    }

    @Test
    void e_mail_addresses_compare_case_insensitively_and_bad_ones_name_the_field() {
        assertThat(EmailAddress.parse("  Ann@Example.TEST ", "email")).isEqualTo(new EmailAddress("ann@example.test"));
        assertThatThrownBy(() -> EmailAddress.parse("not-an-email", "email"))
                .hasMessageContaining("email");
    }

    @Test
    void token_hash_is_a_stable_sha256() {
        assertThat(TokenHash.of("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
