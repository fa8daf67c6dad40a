package dev.coachkit.adapters.persistence.identity;

import static dev.coachkit.adapters.persistence.jooq.Tables.REFRESH_TOKENS;

import dev.coachkit.adapters.persistence.jooq.tables.records.RefreshTokensRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.domain.identity.RefreshToken;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens in the global table. Rotation is one conditional UPDATE: a concurrent second
 * rotation waits for the first's row lock, re-checks {@code rotated_at is null} and changes nothing.
 */
public final class PostgresRefreshTokens implements RefreshTokenStore {

    private final TenantTransactions transactions;

    public PostgresRefreshTokens(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(RefreshToken token) {
        transactions.require().dsl().insertInto(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.ID, token.id())
                .set(REFRESH_TOKENS.FAMILY_ID, token.familyId())
                .set(REFRESH_TOKENS.ACCOUNT_ID, token.accountId().value())
                .set(REFRESH_TOKENS.SESSION_TENANT_ID, token.tenantId().value())
                .set(REFRESH_TOKENS.TOKEN_HASH, token.tokenHash().hex())
                .set(REFRESH_TOKENS.ISSUED_AT, Timestamps.toColumn(token.issuedAt()))
                .set(REFRESH_TOKENS.EXPIRES_AT, Timestamps.toColumn(token.expiresAt()))
                .set(REFRESH_TOKENS.ROTATED_AT, Timestamps.toColumn(token.rotatedAt()))
                .set(REFRESH_TOKENS.REVOKED_AT, Timestamps.toColumn(token.revokedAt()))
                .execute();
    }

    @Override
    public Optional<RefreshToken> findByHash(TokenHash hash) {
        return transactions.require().dsl().selectFrom(REFRESH_TOKENS)
                .where(REFRESH_TOKENS.TOKEN_HASH.eq(hash.hex()))
                .fetchOptional(PostgresRefreshTokens::toDomain);
    }

    @Override
    public boolean markRotated(UUID tokenId, Instant at) {
        return transactions.require().dsl().update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.ROTATED_AT, Timestamps.toColumn(at))
                .where(REFRESH_TOKENS.ID.eq(tokenId), REFRESH_TOKENS.ROTATED_AT.isNull(),
                        REFRESH_TOKENS.REVOKED_AT.isNull())
                .execute() == 1;
    }

    @Override
    public void revokeFamily(UUID familyId, Instant at) {
        transactions.require().dsl().update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.REVOKED_AT, Timestamps.toColumn(at))
                .where(REFRESH_TOKENS.FAMILY_ID.eq(familyId), REFRESH_TOKENS.REVOKED_AT.isNull())
                .execute();
    }

    private static RefreshToken toDomain(RefreshTokensRecord row) {
        return new RefreshToken(row.getId(), row.getFamilyId(), AccountId.of(row.getAccountId()),
                TenantId.of(row.getSessionTenantId()), new TokenHash(row.getTokenHash()),
                Timestamps.toInstant(row.getIssuedAt()), Timestamps.toInstant(row.getExpiresAt()),
                Timestamps.toInstant(row.getRotatedAt()), Timestamps.toInstant(row.getRevokedAt()));
    }
}
