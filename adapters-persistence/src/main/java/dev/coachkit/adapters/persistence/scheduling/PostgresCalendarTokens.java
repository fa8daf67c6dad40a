package dev.coachkit.adapters.persistence.scheduling;

import static dev.coachkit.adapters.persistence.jooq.Tables.CALENDAR_TOKENS;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Feed token hashes under row-level security; the token lookup goes through a security-definer function. */
public final class PostgresCalendarTokens implements CalendarTokenRepository {

    private final TenantTransactions transactions;
    private final DSLContext pooled;

    public PostgresCalendarTokens(TenantTransactions transactions, DSLContext pooled) {
        this.transactions = transactions;
        this.pooled = pooled;
    }

    @Override
    public void replace(TenantId tenant, AccountId account, TokenHash hash, Instant at) {
        transactions.require(tenant).insertInto(CALENDAR_TOKENS)
                .set(CALENDAR_TOKENS.TENANT_ID, tenant.value())
                .set(CALENDAR_TOKENS.ACCOUNT_ID, account.value())
                .set(CALENDAR_TOKENS.TOKEN_HASH, hash.hex())
                .set(CALENDAR_TOKENS.CREATED_AT, Timestamps.toColumn(at))
                .onConflict(CALENDAR_TOKENS.TENANT_ID, CALENDAR_TOKENS.ACCOUNT_ID).doUpdate()
                .set(CALENDAR_TOKENS.TOKEN_HASH, hash.hex())
                .set(CALENDAR_TOKENS.CREATED_AT, Timestamps.toColumn(at))
                .execute();
    }

    @Override
    public Optional<FeedOwner> ownerOf(TokenHash hash) {
        return transactions.currentOr(pooled, dsl -> dsl
                .resultQuery("select tenant_id, account_id from calendar_token_owner({0})", DSL.val(hash.hex()))
                .fetchOptional(row -> new FeedOwner(TenantId.of(row.get(0, UUID.class)),
                        AccountId.of(row.get(1, UUID.class)))));
    }
}
