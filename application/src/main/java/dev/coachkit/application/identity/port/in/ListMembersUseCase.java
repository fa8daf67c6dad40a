package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.PersonName;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Optional;

/** The members of the caller's tenant, oldest first. */
public interface ListMembersUseCase {

    Page<Member> members(Query query);

    record Query(Actor actor, TenantId tenantId, PageRequest page) {}

    /**
     * A member of the tenant: who, with which role, since when; to an ADMIN also whether the member's e-mail is
     * verified (empty for other roles).
     */
    record Member(AccountId accountId, EmailAddress email, PersonName name, Role role, Instant joinedAt,
            Optional<Boolean> emailVerified) {}
}
