package dev.coachkit.adapters.persistence.identity;

import static dev.coachkit.adapters.persistence.jooq.Tables.ACCOUNT_TOKENS;

import dev.coachkit.adapters.persistence.jooq.tables.records.AccountTokensRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.domain.identity.AccountToken;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import java.util.Optional;

/** Reset and verification tokens in the global {@code account_tokens} table, by hash. */
public final class PostgresAccountTokens implements AccountTokenRepository {

    private final TenantTransactions transactions;

    public PostgresAccountTokens(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(AccountToken token) {
        transactions.require().dsl().insertInto(ACCOUNT_TOKENS)
                .set(ACCOUNT_TOKENS.ID, token.id())
                .set(ACCOUNT_TOKENS.PURPOSE, token.purpose().name())
                .set(ACCOUNT_TOKENS.TOKEN_HASH, token.hash().hex())
                .set(ACCOUNT_TOKENS.EMAIL, token.email().value())
                .set(ACCOUNT_TOKENS.ACCOUNT_ID, token.account().map(AccountId::value).orElse(null))
                .set(ACCOUNT_TOKENS.ISSUED_AT, Timestamps.toColumn(token.issuedAt()))
                .set(ACCOUNT_TOKENS.EXPIRES_AT, Timestamps.toColumn(token.expiresAt()))
                .set(ACCOUNT_TOKENS.USED_AT, Timestamps.toColumn(token.usedAt().orElse(null)))
                .execute();
    }

    @Override
    public Optional<AccountToken> find(AccountToken.Purpose purpose, TokenHash hash) {
        return transactions.require().dsl().selectFrom(ACCOUNT_TOKENS)
                .where(ACCOUNT_TOKENS.TOKEN_HASH.eq(hash.hex()), ACCOUNT_TOKENS.PURPOSE.eq(purpose.name()))
                .fetchOptional(PostgresAccountTokens::toDomain);
    }

    @Override
    public boolean markUsed(AccountToken redeemed) {
        return transactions.require().dsl().update(ACCOUNT_TOKENS)
                .set(ACCOUNT_TOKENS.USED_AT, Timestamps.toColumn(redeemed.usedAt().orElseThrow()))
                .where(ACCOUNT_TOKENS.ID.eq(redeemed.id()), ACCOUNT_TOKENS.USED_AT.isNull())
                .execute() == 1;
    }

    private static AccountToken toDomain(AccountTokensRecord row) {
        return AccountToken.reconstitute(row.getId(), AccountToken.Purpose.valueOf(row.getPurpose()),
                new TokenHash(row.getTokenHash()), new EmailAddress(row.getEmail()),
                Optional.ofNullable(row.getAccountId()).map(AccountId::of), Timestamps.toInstant(row.getIssuedAt()),
                Timestamps.toInstant(row.getExpiresAt()), Optional.ofNullable(Timestamps.toInstant(row.getUsedAt())));
    }
}
