package dev.coachkit.adapters.persistence.community;

import static dev.coachkit.adapters.persistence.jooq.Tables.SPACE_MEMBERS;

import dev.coachkit.adapters.persistence.jooq.tables.records.SpaceMembersRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.adapters.persistence.shared.UniqueViolations;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.community.SpaceRole;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Space memberships under row-level security. */
public final class PostgresSpaceMembers implements SpaceMemberRepository {

    private final TenantTransactions transactions;

    public PostgresSpaceMembers(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(SpaceMember member) {
        UniqueViolations.insertOrConflict(() -> transactions.require(member.tenantId()).insertInto(SPACE_MEMBERS)
                .set(SPACE_MEMBERS.TENANT_ID, member.tenantId().value())
                .set(SPACE_MEMBERS.SPACE_ID, member.spaceId())
                .set(SPACE_MEMBERS.ACCOUNT_ID, member.accountId().value())
                .set(SPACE_MEMBERS.ROLE, member.role().name())
                .set(SPACE_MEMBERS.ADDED_AT, Timestamps.toColumn(member.addedAt()))
                .execute(), () -> "the account is already a member of this space");
    }

    @Override
    public boolean remove(UUID spaceId, AccountId account) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        return bound.dsl().deleteFrom(SPACE_MEMBERS)
                .where(SPACE_MEMBERS.TENANT_ID.eq(bound.tenant().value()), SPACE_MEMBERS.SPACE_ID.eq(spaceId),
                        SPACE_MEMBERS.ACCOUNT_ID.eq(account.value()))
                .execute() == 1;
    }

    @Override
    public Optional<SpaceMember> find(UUID spaceId, AccountId account) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        return bound.dsl().selectFrom(SPACE_MEMBERS)
                .where(SPACE_MEMBERS.TENANT_ID.eq(bound.tenant().value()), SPACE_MEMBERS.SPACE_ID.eq(spaceId),
                        SPACE_MEMBERS.ACCOUNT_ID.eq(account.value()))
                .fetchOptional(PostgresSpaceMembers::toDomain);
    }

    @Override
    public Page<SpaceMember> list(UUID spaceId, PageRequest page) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        Condition after = page.after().map(cursor -> DSL.row(SPACE_MEMBERS.ADDED_AT, SPACE_MEMBERS.ACCOUNT_ID)
                .gt(Timestamps.toColumn(cursor.instantKey(0)), cursor.uuidKey(1))).orElse(DSL.noCondition());
        List<SpaceMember> fetched = bound.dsl().selectFrom(SPACE_MEMBERS)
                .where(SPACE_MEMBERS.TENANT_ID.eq(bound.tenant().value()), SPACE_MEMBERS.SPACE_ID.eq(spaceId),
                        after)
                .orderBy(SPACE_MEMBERS.ADDED_AT, SPACE_MEMBERS.ACCOUNT_ID)
                .limit(page.limit() + 1)
                .fetch(PostgresSpaceMembers::toDomain);
        return Page.fromLookahead(fetched, page.limit(),
                member -> Cursor.of(member.addedAt().toString(), member.accountId().toString()));
    }

    @Override
    public List<AccountId> accountsOf(UUID spaceId) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        return bound.dsl().select(SPACE_MEMBERS.ACCOUNT_ID).from(SPACE_MEMBERS)
                .where(SPACE_MEMBERS.TENANT_ID.eq(bound.tenant().value()), SPACE_MEMBERS.SPACE_ID.eq(spaceId))
                .fetch(row -> AccountId.of(row.value1()));
    }

    private static SpaceMember toDomain(SpaceMembersRecord row) {
        return new SpaceMember(TenantId.of(row.getTenantId()), row.getSpaceId(), AccountId.of(row.getAccountId()),
                SpaceRole.valueOf(row.getRole()), Timestamps.toInstant(row.getAddedAt()));
    }
}
