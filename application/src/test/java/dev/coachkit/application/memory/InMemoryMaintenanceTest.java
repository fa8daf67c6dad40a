package dev.coachkit.application.memory;

import static dev.coachkit.application.testing.EventEnvelopeBuilder.anEnvelope;
import static dev.coachkit.application.testing.TestTenants.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdempotencyKey;
import dev.coachkit.application.shared.port.out.IdempotencyStore.Reservation;
import dev.coachkit.domain.identity.AccountToken;
import dev.coachkit.domain.identity.ClientDevice;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.RefreshFamily;
import dev.coachkit.domain.identity.RefreshToken;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryMaintenanceTest {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
    private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents(unitOfWork, Clock.system());
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(unitOfWork);
    private final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys(unitOfWork);
    private final InMemoryAccountTokens accountTokens = new InMemoryAccountTokens(unitOfWork);
    private final InMemoryMaintenance maintenance =
            new InMemoryMaintenance(refreshTokens, accountTokens, processed, outbox, idempotencyKeys);
    private static final AccountId ACCOUNT = AccountId.of(UUID.randomUUID());
    private final Instant now = Instant.now();

    @Test
    void expired_tokens_and_keys_old_processed_records_and_published_events_go_and_the_rest_stays() {
        RefreshToken expired = token(now.minus(Duration.ofHours(1)));
        RefreshToken live = token(now.plus(Duration.ofHours(1)));
        EventEnvelope published = anEnvelope().build();
        EventEnvelope pending = anEnvelope().build();
        unitOfWork.runInTenant(ACME, () -> {
            outbox.record(published);
            outbox.record(pending);
            processed.markProcessed("consumer", published);
            idempotencyKeys.reserve(key("expired"), new Reservation(UUID.randomUUID(), "h", now.minusSeconds(60), now));
            idempotencyKeys.reserve(key("live"), new Reservation(UUID.randomUUID(), "h", now, now.plusSeconds(60)));
        });
        IdempotencyKey anonymous = IdempotencyKey.anonymous("a".repeat(64));
        unitOfWork.withoutTenant(() -> idempotencyKeys.reserve(anonymous,
                new Reservation(UUID.randomUUID(), "h", now.minusSeconds(60), now)));
        outbox.relay(1, claimed -> List.of(new OutboxRelayStore.Published(claimed.get(0).event().id(), now)));

        assertThat(maintenance.deleteRefreshTokensExpiredBefore(now)).isEqualTo(1);
        assertThat(maintenance.deletePublishedEventsBefore(now.plusSeconds(1))).isEqualTo(1);
        assertThat(maintenance.deleteProcessedEventsOlderThan(now.plusSeconds(60))).isEqualTo(1);
        assertThat(maintenance.deleteIdempotencyKeysExpiredBefore(now.plusSeconds(1))).isEqualTo(2);

        assertThat(refreshTokens.findByHash(expired.tokenHash())).isEmpty();
        assertThat(refreshTokens.findByHash(live.tokenHash())).isPresent();
        assertThat(refreshTokens.familiesIn(ACME)).as("the expired token's family, with its address, is gone")
                .extracting(RefreshFamily::id).containsExactly(live.familyId());
        assertThat(outbox.unpublished(ACME)).containsExactly(pending);
        unitOfWork.runInTenant(ACME, () -> {
            assertThat(idempotencyKeys.find(key("live"), now)).isPresent();
            assertThat(idempotencyKeys.reserve(key("expired"),
                    new Reservation(UUID.randomUUID(), "h", now.minusSeconds(60), now))).isTrue();
        });
    }

    @Test
    void expired_reset_and_verification_tokens_go_used_or_not_and_live_ones_stay() {
        AccountToken expired = verificationToken(now.minus(Duration.ofHours(1)));
        AccountToken live = verificationToken(now.plus(Duration.ofHours(1)));

        assertThat(maintenance.deleteAccountTokensExpiredBefore(now)).isEqualTo(1);

        assertThat(unitOfWork.withoutTenant(() -> accountTokens.find(AccountToken.Purpose.EMAIL_VERIFICATION,
                expired.hash()))).isEmpty();
        assertThat(unitOfWork.withoutTenant(() -> accountTokens.find(AccountToken.Purpose.EMAIL_VERIFICATION,
                live.hash()))).isPresent();
    }

    private AccountToken verificationToken(Instant expiresAt) {
        Duration validity = Duration.ofDays(7);
        AccountToken token = AccountToken.emailVerification(UUID.randomUUID(), new EmailAddress("invitee@club.test"),
                TokenHash.of(UUID.randomUUID().toString()), expiresAt.minus(validity), validity);
        unitOfWork.withoutTenant(() -> {
            accountTokens.add(token);
            return token;
        });
        return token;
    }

    private static IdempotencyKey key(String value) {
        return IdempotencyKey.of(ACME, ACCOUNT, (value.equals("live") ? "1" : "e").repeat(64));
    }

    private RefreshToken token(Instant expiresAt) {
        RefreshToken token = RefreshToken.issue(UUID.randomUUID(), UUID.randomUUID(), AccountId.of(UUID.randomUUID()),
                ACME, TokenHash.of(UUID.randomUUID().toString()), expiresAt.minus(Duration.ofDays(1)), expiresAt);
        refreshTokens.add(token, ClientDevice.unknown());
        return token;
    }
}
