package dev.coachkit.application.scheduling;

import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.community.SpaceStanding;
import dev.coachkit.domain.scheduling.SchedulingPolicy;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.TenantId;
import java.util.UUID;

/**
 * Checks that the people and the space a scheduling use case names belong to the tenant in a fitting
 * role, inside the running unit of work.
 */
final class Calendars {

    private final MembershipRepository memberships;
    private final SpaceRepository spaces;
    private final SpaceMemberRepository spaceMembers;

    Calendars(MembershipRepository memberships, SpaceRepository spaces, SpaceMemberRepository spaceMembers) {
        this.memberships = memberships;
        this.spaces = spaces;
        this.spaceMembers = spaceMembers;
    }

    /** The account owns a calendar in the tenant (a COACH or an ADMIN); otherwise it is not found. */
    void requireCoach(TenantId tenant, AccountId coach) {
        memberships.find(tenant, coach).filter(member -> SchedulingPolicy.ownsCalendar(member.role()))
                .orElseThrow(() -> new NotFoundException("coach", coach));
    }

    void requireMember(TenantId tenant, AccountId account, String what) {
        memberships.find(tenant, account).orElseThrow(() -> new NotFoundException(what, account));
    }

    /** The space is one of the unit's tenant that the actor may read (the community's rule); otherwise not found. */
    void requireReadableSpace(Actor actor, UUID spaceId) {
        Space space = spaces.find(spaceId).orElseThrow(() -> new NotFoundException("space", spaceId)).space();
        new SpaceStanding(actor, space, spaceMembers.find(spaceId, actor.accountId()).map(SpaceMember::role))
                .requireReadable();
    }
}
