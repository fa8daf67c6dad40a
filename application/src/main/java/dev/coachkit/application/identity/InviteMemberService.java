package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.out.InvitationRepository;
import dev.coachkit.application.identity.port.out.SecureTokens;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.IdentityPolicy;
import dev.coachkit.domain.identity.Invitation;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues an invitation with an e-mail verification token for the invited address, and records
 * {@code member.invited}, whose consumer e-mails both links. The event carries the tokens because the e-mail
 * must; the invitation and the verification keep only their hashes.
 */
public final class InviteMemberService implements InviteMemberUseCase {

    private final UnitOfWork unitOfWork;
    private final InvitationRepository invitations;
    private final EventRecorder events;
    private final SecureTokens secureTokens;
    private final EmailVerifications verifications;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final IdentitySettings settings;

    InviteMemberService(UnitOfWork unitOfWork, InvitationRepository invitations, EventRecorder events,
            SecureTokens secureTokens, EmailVerifications verifications, AuditTrail audit, IdGenerator ids, Clock clock,
            IdentitySettings settings) {
        this.unitOfWork = unitOfWork;
        this.invitations = invitations;
        this.events = events;
        this.secureTokens = secureTokens;
        this.verifications = verifications;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public IssuedInvitation invite(Command command) {
        if (!IdentityPolicy.mayView(command.actor(), command.tenantId())) {
            throw new NotFoundException("tenant", command.tenantId());
        }
        EmailAddress email = EmailAddress.parse(command.email(), "email");
        if (command.role() == null) {
            throw new InvalidInputException("role", "must be one of ADMIN, COACH, ATHLETE, SCHEDULER");
        }
        IdentityPolicy.requireMayInvite(command.actor(), command.role());
        String token = secureTokens.newToken();
        Invitation invitation = Invitation.issue(ids.newId(), command.tenantId(), email, command.role(),
                TokenHash.of(token), command.actor().accountId(), clock.now(), settings.invitationValidity());
        EmailVerifications.Pending verification = verifications.draw(email);
        unitOfWork.runInTenant(command.tenantId(), () -> {
            invitations.add(invitation);
            verifications.store(verification);
            events.record(invitation.invited(token, verification.token()));
            audit.record(command.tenantId(), "member.invited", Optional.of(command.actor().accountId()),
                    "invitation", invitation.id(), command.clientIp(),
                    Map.of("role", invitation.role().name())); // the e-mail stays on the invitation, which erasure removes
        });
        return new IssuedInvitation(invitation, Objects.requireNonNull(token));
    }
}
