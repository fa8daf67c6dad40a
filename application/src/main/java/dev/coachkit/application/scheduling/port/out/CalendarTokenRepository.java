package dev.coachkit.application.scheduling.port.out;

import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Optional;

/** The secret calendar-feed tokens, one per account and tenant, stored only as hashes. */
public interface CalendarTokenRepository {

    /** Whose feed a token opens. */
    record FeedOwner(TenantId tenantId, AccountId accountId) {}

    /** Makes {@code hash} the account's only feed token in the tenant; a previous one stops working. */
    void replace(TenantId tenant, AccountId account, TokenHash hash, Instant at);

    /**
     * The owner of the token, looked up before any tenant is known: the one read across tenants, and
     * it answers ids only. Needs no unit of work.
     */
    Optional<FeedOwner> ownerOf(TokenHash hash);
}
