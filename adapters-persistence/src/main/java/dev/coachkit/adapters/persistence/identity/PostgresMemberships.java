package dev.coachkit.adapters.persistence.identity;

import static dev.coachkit.adapters.persistence.jooq.Tables.ACCOUNTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.MEMBERSHIPS;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.adapters.persistence.shared.UniqueViolations;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.identity.PersonName;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Memberships under row-level security, joined with accounts for listing; one statement per page. */
public final class PostgresMemberships implements MembershipRepository {

    private final TenantTransactions transactions;
    private final DSLContext pooled;

    public PostgresMemberships(TenantTransactions transactions, DSLContext pooled) {
        this.transactions = transactions;
        this.pooled = pooled;
    }

    @Override
    public void add(Membership membership) {
        UniqueViolations.insertOrConflict(() -> transactions.require(membership.tenantId()).insertInto(MEMBERSHIPS)
                .set(MEMBERSHIPS.TENANT_ID, membership.tenantId().value())
                .set(MEMBERSHIPS.ACCOUNT_ID, membership.accountId().value())
                .set(MEMBERSHIPS.ROLE, membership.role().name())
                .set(MEMBERSHIPS.JOINED_AT, Timestamps.toColumn(membership.joinedAt()))
                .execute(), () -> "the account is already a member of this tenant");
    }

    @Override
    public Optional<Membership> find(TenantId tenant, AccountId account) {
        return transactions.require().dsl().selectFrom(MEMBERSHIPS)
                .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()), MEMBERSHIPS.ACCOUNT_ID.eq(account.value()))
                .fetchOptional(row -> new Membership(TenantId.of(row.getTenantId()), AccountId.of(row.getAccountId()),
                        Role.valueOf(row.getRole()), Timestamps.toInstant(row.getJoinedAt())));
    }

    @Override
    public boolean changeRole(TenantId tenant, AccountId account, Role role) {
        return transactions.require(tenant).update(MEMBERSHIPS)
                .set(MEMBERSHIPS.ROLE, role.name())
                .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()), MEMBERSHIPS.ACCOUNT_ID.eq(account.value()))
                .execute() == 1;
    }

    @Override
    public void lockRoles(TenantId tenant) {
        transactions.require(tenant).select(DSL.field("pg_advisory_xact_lock(hashtextextended({0}, 0))",
                Object.class, DSL.val("coachkit.roles:" + tenant))).fetch();
    }

    @Override
    public int countWithRole(TenantId tenant, Role role) {
        return transactions.require().dsl().fetchCount(MEMBERSHIPS,
                MEMBERSHIPS.TENANT_ID.eq(tenant.value()).and(MEMBERSHIPS.ROLE.eq(role.name())));
    }

    @Override
    public Page<Member> list(TenantId tenant, PageRequest page) {
        Condition after = page.after().map(cursor -> DSL.row(MEMBERSHIPS.JOINED_AT, MEMBERSHIPS.ACCOUNT_ID)
                .gt(Timestamps.toColumn(cursor.instantKey(0)), cursor.uuidKey(1))).orElse(DSL.noCondition());
        List<Member> fetched = transactions.require().dsl()
                .select(MEMBERSHIPS.ACCOUNT_ID, ACCOUNTS.EMAIL, ACCOUNTS.FIRST_NAME, ACCOUNTS.LAST_NAME,
                        MEMBERSHIPS.ROLE, MEMBERSHIPS.JOINED_AT, ACCOUNTS.EMAIL_VERIFIED)
                .from(MEMBERSHIPS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(MEMBERSHIPS.ACCOUNT_ID))
                .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()), after)
                .orderBy(MEMBERSHIPS.JOINED_AT, MEMBERSHIPS.ACCOUNT_ID)
                .limit(page.limit() + 1)
                .fetch(row -> new Member(AccountId.of(row.value1()), new EmailAddress(row.value2()),
                        new PersonName(row.value3(), row.value4()), Role.valueOf(row.value5()),
                        Timestamps.toInstant(row.value6()), row.value7()));
        return Page.fromLookahead(fetched, page.limit(),
                member -> Cursor.of(member.joinedAt().toString(), member.accountId().toString()));
    }

    @Override
    public List<TenantMembership> ofAccount(AccountId account) {
        return transactions.currentOr(pooled, dsl -> dsl
                .resultQuery("select tenant_id, tenant_name, role, joined_at from account_memberships({0})",
                        DSL.val(account.value()))
                .fetch(row -> new TenantMembership(TenantId.of(row.get(0, UUID.class)), row.get(1, String.class),
                        Role.valueOf(row.get(2, String.class)),
                        Timestamps.toInstant(row.get(3, OffsetDateTime.class)))));
    }

    @Override
    public Optional<Role> roleOf(TenantId tenant, AccountId account) {
        String role = transactions.currentOr(pooled, dsl -> dsl
                .resultQuery("select membership_role({0}, {1})", DSL.val(tenant.value()), DSL.val(account.value()))
                .fetchOne(0, String.class));
        return Optional.ofNullable(role).map(Role::valueOf);
    }
}
