package dev.coachkit.application.identity.port.out;

import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.identity.PersonName;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who belongs to which tenant with which role. */
public interface MembershipRepository {

    /**
     * A member as listed to other members: the membership with the account's public details, and whether its
     * e-mail is verified (which the use case shows to ADMINs only).
     */
    record Member(AccountId accountId, EmailAddress email, PersonName name, Role role, Instant joinedAt,
            boolean emailVerified) {}

    /** One tenant an account belongs to, as the account itself may see it. */
    record TenantMembership(TenantId tenantId, String tenantName, Role role, Instant joinedAt) {}

    /** Adds the membership; an existing one for the same tenant and account is a {@code ConflictException}. */
    void add(Membership membership);

    Optional<Membership> find(TenantId tenant, AccountId account);

    /** Gives the member another role; false when the account is not a member of the tenant. */
    boolean changeRole(TenantId tenant, AccountId account, Role role);

    /**
     * Serializes changes of the tenant's roles until the running unit of work ends: a second unit that
     * asks waits, so two ADMINs demoting or erasing each other at once cannot leave the tenant without one.
     */
    void lockRoles(TenantId tenant);

    /** How many members of the tenant have the role (e.g. to keep at least one ADMIN). */
    int countWithRole(TenantId tenant, Role role);

    /** Members of the tenant, oldest first, keyset-paginated on (joinedAt, accountId). */
    Page<Member> list(TenantId tenant, PageRequest page);

    /**
     * Every tenant the account belongs to, most recently joined first. The one read across tenants:
     * it needs no unit of work and reveals nothing but the account's own memberships.
     */
    List<TenantMembership> ofAccount(AccountId account);

    /**
     * The account's role in the tenant as stored now, read on every authenticated request so that a
     * demotion or a removal counts at once: needs no unit of work and reveals that one role only.
     */
    Optional<Role> roleOf(TenantId tenant, AccountId account);
}
