package dev.coachkit.application.admin;

import dev.coachkit.application.admin.port.in.EraseMemberUseCase;
import dev.coachkit.application.admin.port.out.MemberDataEraser;
import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.identity.RevokedMemberships;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.admin.MemberErased;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases a member in one unit of work: upcoming sessions are cancelled first (so the other party is
 * notified), then the eraser empties every store, the member's access tokens are refused from now
 * on, and {@code user.erased} is audited and recorded — its consumer deletes the stored media.
 */
final class EraseMemberService implements EraseMemberUseCase {

    private final UnitOfWork unitOfWork;
    private final CurrentAdmin admins;
    private final MembershipRepository memberships;
    private final AccountRepository accounts;
    private final UpcomingSessionsCanceller sessions;
    private final MemberDataEraser eraser;
    private final TokenDenylist denylist;
    private final EventRecorder events;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final AdminModule.Settings settings;

    EraseMemberService(UnitOfWork unitOfWork, CurrentAdmin admins, MembershipRepository memberships, AccountRepository accounts,
            UpcomingSessionsCanceller sessions, MemberDataEraser eraser, TokenDenylist denylist, EventRecorder events,
            AuditTrail audit, IdGenerator ids, Clock clock, AdminModule.Settings settings) {
        this.unitOfWork = unitOfWork;
        this.admins = admins;
        this.memberships = memberships;
        this.accounts = accounts;
        this.sessions = sessions;
        this.eraser = eraser;
        this.denylist = denylist;
        this.events = events;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Receipt erase(Command command) {
        TenantId tenant = command.actor().tenantId();
        UUID erasure = ids.newId();
        unitOfWork.runInTenant(tenant, () -> {
            memberships.lockRoles(tenant);
            admins.require(command.actor()); // under the role lock: no demotion of the caller can slip in between
            Membership membership = memberships.find(tenant, command.member())
                    .orElseThrow(() -> new NotFoundException("member", command.member()));
            if (membership.role() == Role.ADMIN && memberships.countWithRole(tenant, Role.ADMIN) == 1) {
                throw new ConflictException("the organization's last ADMIN cannot be erased");
            }
            Account account = accounts.findById(command.member()).orElseThrow();
            int cancelled = sessions.cancelUpcomingOf(command.actor(), command.member(), command.clientIp());
            Instant now = clock.now();
            MemberDataEraser.Erased erased = eraser.erase(command.member(), account.email(), settings.contentPolicy(),
                    AccountId.of(ids.newId()), now);
            events.record(new MemberErased(tenant, command.member(), erased.mediaIds(), now));
            audit.record(tenant, "user.erased", Optional.of(command.actor().accountId()), "account",
                    command.member(), command.clientIp(), Map.of("erasureId", erasure.toString(),
                            "contentPolicy", settings.contentPolicy().name(), "sessionsCancelled", cancelled,
                            "mediaDeleted", erased.mediaIds().size(), "accountErased", erased.accountErased()));
            // inside the unit: if the denylist cannot take it, nothing is erased and the ADMIN retries
            denylist.deny(RevokedMemberships.key(tenant, command.member()), now.plus(settings.accessTokenTtl()));
        });
        return new Receipt(erasure, "ACCEPTED");
    }
}
