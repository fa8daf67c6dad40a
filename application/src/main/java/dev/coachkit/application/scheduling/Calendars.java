package dev.coachkit.application.scheduling;

import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.domain.scheduling.SchedulingPolicy;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.TenantId;

/** Checks that the people a scheduling use case names are members of the tenant in a fitting role. */
final class Calendars {

    private final MembershipRepository memberships;

    Calendars(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    /** The account owns a calendar in the tenant (a COACH or an ADMIN); otherwise it is not found. */
    void requireCoach(TenantId tenant, AccountId coach) {
        memberships.find(tenant, coach).filter(member -> SchedulingPolicy.ownsCalendar(member.role()))
                .orElseThrow(() -> new NotFoundException("coach", coach));
    }

    void requireMember(TenantId tenant, AccountId account, String what) {
        memberships.find(tenant, account).orElseThrow(() -> new NotFoundException(what, account));
    }
}
