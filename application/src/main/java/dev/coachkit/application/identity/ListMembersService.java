package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.in.ListMembersUseCase;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.IdentityPolicy;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.Role;
import java.util.Optional;

/** A page of the members of the caller's tenant; ADMINs also see whose e-mail is verified. */
public final class ListMembersService implements ListMembersUseCase {

    private final UnitOfWork unitOfWork;
    private final MembershipRepository memberships;

    ListMembersService(UnitOfWork unitOfWork, MembershipRepository memberships) {
        this.unitOfWork = unitOfWork;
        this.memberships = memberships;
    }

    @Override
    public Page<Member> members(Query query) {
        if (!IdentityPolicy.mayView(query.actor(), query.tenantId())) {
            throw new NotFoundException("tenant", query.tenantId());
        }
        boolean admin = query.actor().role() == Role.ADMIN;
        return unitOfWork.inTenant(query.tenantId(), () -> memberships.list(query.tenantId(), query.page()))
                .map(member -> new Member(member.accountId(), member.email(), member.name(), member.role(),
                        member.joinedAt(), admin ? Optional.of(member.emailVerified()) : Optional.empty()));
    }
}
