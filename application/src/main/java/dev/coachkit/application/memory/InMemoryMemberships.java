package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Memberships per tenant, joined with the accounts (any adapter of the port) and {@link InMemoryTenants} for reads. */
public final class InMemoryMemberships implements MembershipRepository {

    private static final Comparator<Membership> OLDEST_FIRST = Comparator.comparing(Membership::joinedAt)
            .thenComparing(membership -> membership.accountId().value());

    private final InMemoryTable<AccountId, Membership> memberships;
    private final Map<TenantId, ReentrantLock> roleLocks = new ConcurrentHashMap<>();
    private final AccountRepository accounts;
    private final InMemoryTenants tenants;

    public InMemoryMemberships(InMemoryUnitOfWork unitOfWork, AccountRepository accounts, InMemoryTenants tenants) {
        this.memberships = InMemoryTable.perTenant(unitOfWork, Membership::tenantId);
        this.accounts = accounts;
        this.tenants = tenants;
    }

    @Override
    public void add(Membership membership) {
        if (memberships.get(membership.accountId()).isPresent()) {
            throw new ConflictException("the account is already a member of this tenant");
        }
        memberships.put(membership.accountId(), membership);
    }

    @Override
    public Optional<Membership> find(TenantId tenant, AccountId account) {
        return memberships.get(account).filter(membership -> membership.tenantId().equals(tenant));
    }

    @Override
    public boolean changeRole(TenantId tenant, AccountId account, Role role) {
        return find(tenant, account).map(current -> {
            memberships.put(account, new Membership(tenant, account, role, current.joinedAt()));
            return true;
        }).orElse(false);
    }

    @Override
    public void lockRoles(TenantId tenant) {
        InMemoryUnitOfWork.Transaction transaction = memberships.unitOfWork().current();
        ReentrantLock lock = roleLocks.computeIfAbsent(tenant, t -> new ReentrantLock());
        if (lock.isHeldByCurrentThread()) {
            return;
        }
        lock.lock();
        transaction.afterCommit(lock::unlock);
        transaction.afterRollback(lock::unlock);
    }

    @Override
    public int countWithRole(TenantId tenant, Role role) {
        return memberships.select(m -> m.tenantId().equals(tenant) && m.role() == role).size();
    }

    @Override
    public Page<Member> list(TenantId tenant, PageRequest page) {
        List<Membership> fetched = memberships.select(membership -> membership.tenantId().equals(tenant)
                        && page.after().map(cursor -> isAfter(membership, cursor)).orElse(true))
                .stream().sorted(OLDEST_FIRST).limit(page.limit() + 1L).toList();
        return Page.fromLookahead(fetched, page.limit(), InMemoryMemberships::cursorOf).map(this::toMember);
    }

    @Override
    public List<TenantMembership> ofAccount(AccountId account) {
        return memberships.selectAcrossTenants(membership -> membership.accountId().equals(account)).stream()
                .sorted(OLDEST_FIRST.reversed())
                .map(m -> new TenantMembership(m.tenantId(), tenants.nameOf(m.tenantId()), m.role(), m.joinedAt()))
                .toList();
    }

    @Override
    public Optional<Role> roleOf(TenantId tenant, AccountId account) {
        return memberships.selectAcrossTenants(membership -> membership.tenantId().equals(tenant)
                && membership.accountId().equals(account)).stream().map(Membership::role).findFirst();
    }

    /** Members of the unit's tenant. */
    long count() {
        return memberships.select(membership -> true).size();
    }

    private Member toMember(Membership membership) {
        Account account = accounts.findById(membership.accountId()).orElseThrow();
        return new Member(account.id(), account.email(), account.name(), membership.role(), membership.joinedAt(),
                account.emailVerified());
    }

    private static boolean isAfter(Membership membership, Cursor cursor) {
        return OLDEST_FIRST.compare(membership, new Membership(membership.tenantId(),
                AccountId.of(cursor.uuidKey(1)), membership.role(), cursor.instantKey(0))) > 0;
    }

    private static Cursor cursorOf(Membership membership) {
        return Cursor.of(membership.joinedAt().toString(), membership.accountId().toString());
    }

    /** Removes the account's membership of the unit's tenant. */
    void remove(AccountId account) {
        memberships.remove(account);
    }

    /** Every membership the running unit of work sees, for exports. */
    List<Membership> rows() {
        return memberships.select(row -> true);
    }
}
