package dev.coachkit.application.identity.port.in;

import dev.coachkit.application.identity.port.out.MembershipRepository.Member;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;

/** The members of the caller's tenant, oldest first. */
public interface ListMembersUseCase {

    Page<Member> members(Query query);

    record Query(Actor actor, TenantId tenantId, PageRequest page) {}
}
