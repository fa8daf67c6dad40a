package dev.coachkit.application.memory;

import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Optional;

/** Calendar-feed token hashes, one per account and tenant, in an {@link InMemoryTable}. */
public final class InMemoryCalendarTokens implements CalendarTokenRepository {

    private record StoredToken(TenantId tenantId, AccountId accountId, TokenHash hash, Instant createdAt) {}

    private final InMemoryTable<AccountId, StoredToken> tokens;

    public InMemoryCalendarTokens(InMemoryUnitOfWork unitOfWork) {
        this.tokens = InMemoryTable.perTenant(unitOfWork, StoredToken::tenantId);
    }

    @Override
    public void replace(TenantId tenant, AccountId account, TokenHash hash, Instant at) {
        tokens.put(account, new StoredToken(tenant, account, hash, at));
    }

    @Override
    public Optional<FeedOwner> ownerOf(TokenHash hash) {
        return tokens.selectAcrossTenants(token -> token.hash().equals(hash)).stream()
                .map(token -> new FeedOwner(token.tenantId(), token.accountId())).findFirst();
    }

    /** Forgets the account's calendar-feed secret in the unit's tenant. */
    void remove(AccountId account) {
        tokens.remove(account);
    }
}
