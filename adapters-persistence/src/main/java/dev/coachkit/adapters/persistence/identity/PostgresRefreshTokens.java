package dev.coachkit.adapters.persistence.identity;

import static dev.coachkit.adapters.persistence.jooq.Tables.REFRESH_FAMILIES;
import static dev.coachkit.adapters.persistence.jooq.Tables.REFRESH_TOKENS;

import dev.coachkit.adapters.persistence.jooq.tables.records.RefreshFamiliesRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.domain.identity.ClientDevice;
import dev.coachkit.domain.identity.RefreshFamily;
import dev.coachkit.domain.identity.RefreshToken;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Refresh tokens and their families (signed-in devices) in the global tables. Rotation is one
 * conditional UPDATE: a concurrent second rotation waits for the first's row lock, re-checks
 * {@code rotated_at is null} and changes nothing. Revocation is the family's, so every token of a revoked
 * family is refused, one added after the revocation included.
 */
public final class PostgresRefreshTokens implements RefreshTokenStore {

    private final TenantTransactions transactions;

    public PostgresRefreshTokens(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * One statement: the family is created or marked used in a data-modifying {@code WITH}, the token is
     * inserted by the statement itself (its foreign key is checked at the end of the statement, when the
     * family exists). A sign-in and a refresh thus cost the one statement they cost before families.
     */
    @Override
    public void add(RefreshToken token, ClientDevice device) {
        DSLContext dsl = transactions.require().dsl();
        OffsetDateTime issuedAt = Timestamps.toColumn(token.issuedAt());
        OffsetDateTime expiresAt = Timestamps.toColumn(token.expiresAt());
        var family = dsl.insertInto(REFRESH_FAMILIES)
                .set(REFRESH_FAMILIES.ID, token.familyId())
                .set(REFRESH_FAMILIES.ACCOUNT_ID, token.accountId().value())
                .set(REFRESH_FAMILIES.SESSION_TENANT_ID, token.tenantId().value())
                .set(REFRESH_FAMILIES.CREATED_AT, issuedAt)
                .set(REFRESH_FAMILIES.LAST_USED_AT, issuedAt)
                .set(REFRESH_FAMILIES.EXPIRES_AT, expiresAt)
                .set(REFRESH_FAMILIES.IP, device.ip().orElse(null))
                .set(REFRESH_FAMILIES.USER_AGENT, device.userAgent().orElse(null))
                .onConflict(REFRESH_FAMILIES.ID).doUpdate()
                .set(REFRESH_FAMILIES.LAST_USED_AT, DSL.excluded(REFRESH_FAMILIES.LAST_USED_AT))
                .set(REFRESH_FAMILIES.EXPIRES_AT,
                        DSL.greatest(REFRESH_FAMILIES.EXPIRES_AT, DSL.excluded(REFRESH_FAMILIES.EXPIRES_AT)))
                .set(REFRESH_FAMILIES.IP, DSL.excluded(REFRESH_FAMILIES.IP))
                .set(REFRESH_FAMILIES.USER_AGENT, DSL.excluded(REFRESH_FAMILIES.USER_AGENT));
        var newToken = dsl.insertInto(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.ID, token.id())
                .set(REFRESH_TOKENS.FAMILY_ID, token.familyId())
                .set(REFRESH_TOKENS.ACCOUNT_ID, token.accountId().value())
                .set(REFRESH_TOKENS.SESSION_TENANT_ID, token.tenantId().value())
                .set(REFRESH_TOKENS.TOKEN_HASH, token.tokenHash().hex())
                .set(REFRESH_TOKENS.ISSUED_AT, issuedAt)
                .set(REFRESH_TOKENS.EXPIRES_AT, expiresAt)
                .set(REFRESH_TOKENS.ROTATED_AT, Timestamps.toColumn(token.rotatedAt()));
        dsl.query("with family as ({0}) {1}", family, newToken).execute();
    }

    @Override
    public Optional<RefreshToken> findByHash(TokenHash hash) {
        return transactions.require().dsl()
                .select(REFRESH_TOKENS.ID, REFRESH_TOKENS.FAMILY_ID, REFRESH_TOKENS.ACCOUNT_ID,
                        REFRESH_TOKENS.SESSION_TENANT_ID, REFRESH_TOKENS.TOKEN_HASH, REFRESH_TOKENS.ISSUED_AT,
                        REFRESH_TOKENS.EXPIRES_AT, REFRESH_TOKENS.ROTATED_AT, REFRESH_FAMILIES.REVOKED_AT)
                .from(REFRESH_TOKENS).join(REFRESH_FAMILIES).on(REFRESH_FAMILIES.ID.eq(REFRESH_TOKENS.FAMILY_ID))
                .where(REFRESH_TOKENS.TOKEN_HASH.eq(hash.hex()))
                .fetchOptional(PostgresRefreshTokens::toDomain);
    }

    @Override
    public boolean markRotated(UUID tokenId, Instant at) {
        return transactions.require().dsl().update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.ROTATED_AT, Timestamps.toColumn(at))
                .where(REFRESH_TOKENS.ID.eq(tokenId), REFRESH_TOKENS.ROTATED_AT.isNull(),
                        DSL.exists(DSL.selectOne().from(REFRESH_FAMILIES).where(
                                REFRESH_FAMILIES.ID.eq(REFRESH_TOKENS.FAMILY_ID), REFRESH_FAMILIES.REVOKED_AT.isNull())))
                .execute() == 1;
    }

    @Override
    public void revokeFamily(UUID familyId, Instant at) {
        transactions.require().dsl().update(REFRESH_FAMILIES)
                .set(REFRESH_FAMILIES.REVOKED_AT, Timestamps.toColumn(at))
                .where(REFRESH_FAMILIES.ID.eq(familyId), REFRESH_FAMILIES.REVOKED_AT.isNull())
                .execute();
    }

    @Override
    public List<RefreshFamily> liveFamiliesOf(AccountId account, Instant now) {
        return transactions.require().dsl().selectFrom(REFRESH_FAMILIES)
                .where(REFRESH_FAMILIES.ACCOUNT_ID.eq(account.value()), REFRESH_FAMILIES.REVOKED_AT.isNull(),
                        REFRESH_FAMILIES.EXPIRES_AT.gt(Timestamps.toColumn(now)))
                .orderBy(REFRESH_FAMILIES.LAST_USED_AT.desc(), REFRESH_FAMILIES.ID)
                .fetch(PostgresRefreshTokens::toFamily);
    }

    @Override
    public boolean revokeLiveFamily(AccountId account, UUID familyId, Instant at) {
        return transactions.require().dsl().update(REFRESH_FAMILIES)
                .set(REFRESH_FAMILIES.REVOKED_AT, Timestamps.toColumn(at))
                .where(REFRESH_FAMILIES.ID.eq(familyId), REFRESH_FAMILIES.ACCOUNT_ID.eq(account.value()),
                        REFRESH_FAMILIES.REVOKED_AT.isNull(), REFRESH_FAMILIES.EXPIRES_AT.gt(Timestamps.toColumn(at)))
                .execute() == 1;
    }

    @Override
    public List<UUID> revokeFamiliesExcept(AccountId account, UUID keep, Instant at) {
        return revokeFamilies(account, REFRESH_FAMILIES.ID.ne(keep), at);
    }

    @Override
    public List<UUID> revokeAllFamilies(AccountId account, Instant at) {
        return revokeFamilies(account, DSL.noCondition(), at);
    }

    private List<UUID> revokeFamilies(AccountId account, Condition which, Instant at) {
        return transactions.require().dsl().update(REFRESH_FAMILIES)
                .set(REFRESH_FAMILIES.REVOKED_AT, Timestamps.toColumn(at))
                .where(REFRESH_FAMILIES.ACCOUNT_ID.eq(account.value()), which, REFRESH_FAMILIES.REVOKED_AT.isNull())
                .returning(REFRESH_FAMILIES.ID)
                .fetch(REFRESH_FAMILIES.ID);
    }

    private static RefreshToken toDomain(Record row) {
        return new RefreshToken(row.get(REFRESH_TOKENS.ID), row.get(REFRESH_TOKENS.FAMILY_ID),
                AccountId.of(row.get(REFRESH_TOKENS.ACCOUNT_ID)), TenantId.of(row.get(REFRESH_TOKENS.SESSION_TENANT_ID)),
                new TokenHash(row.get(REFRESH_TOKENS.TOKEN_HASH)),
                Timestamps.toInstant(row.get(REFRESH_TOKENS.ISSUED_AT)),
                Timestamps.toInstant(row.get(REFRESH_TOKENS.EXPIRES_AT)),
                Timestamps.toInstant(row.get(REFRESH_TOKENS.ROTATED_AT)),
                Timestamps.toInstant(row.get(REFRESH_FAMILIES.REVOKED_AT)));
    }

    private static RefreshFamily toFamily(RefreshFamiliesRecord row) {
        return new RefreshFamily(row.getId(), AccountId.of(row.getAccountId()), TenantId.of(row.getSessionTenantId()),
                Timestamps.toInstant(row.getCreatedAt()), Timestamps.toInstant(row.getLastUsedAt()),
                Timestamps.toInstant(row.getExpiresAt()), Timestamps.toInstant(row.getRevokedAt()),
                new ClientDevice(Optional.ofNullable(row.getIp()), Optional.ofNullable(row.getUserAgent())));
    }
}
