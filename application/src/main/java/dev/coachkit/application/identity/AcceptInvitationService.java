package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.BreachedPasswords;
import dev.coachkit.application.identity.port.out.InvitationRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Invitation;
import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.identity.PasswordPolicy;
import dev.coachkit.domain.identity.PersonName;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Redeems an invitation once, before it expires, for the invited e-mail address only: for the signed-in
 * caller whose account has that address, or for a new account created with it. Someone whose e-mail
 * already has an account signs in first, so nobody can take over an existing account with a token.
 */
public final class AcceptInvitationService implements AcceptInvitationUseCase {

    private final UnitOfWork unitOfWork;
    private final InvitationRepository invitations;
    private final AccountRepository accounts;
    private final TenantRepository tenants;
    private final MembershipRepository memberships;
    private final PasswordHasher hasher;
    private final BreachedPasswords breachedPasswords;
    private final SessionIssuer sessions;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    AcceptInvitationService(UnitOfWork unitOfWork, InvitationRepository invitations, AccountRepository accounts,
            TenantRepository tenants, MembershipRepository memberships, PasswordHasher hasher,
            BreachedPasswords breachedPasswords, SessionIssuer sessions, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.invitations = invitations;
        this.accounts = accounts;
        this.tenants = tenants;
        this.memberships = memberships;
        this.hasher = hasher;
        this.breachedPasswords = breachedPasswords;
        this.sessions = sessions;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public AuthResult accept(Command command) {
        TokenHash hash = TokenHash.of(command.acceptToken() == null ? "" : command.acceptToken());
        NotFoundException unknown = new NotFoundException("invitation", "for this token");
        var tenantId = unitOfWork.withoutTenant(() -> invitations.tenantOf(hash)).orElseThrow(() -> unknown);
        Optional<PreparedAccount> prepared = command.caller().isPresent() ? Optional.empty()
                : Optional.of(prepareNewAccount(command));
        Instant now = clock.now();
        return unitOfWork.inTenant(tenantId, () -> {
            Invitation invitation = invitations.find(tenantId, hash).orElseThrow(() -> unknown).accept(now);
            Account account = command.caller()
                    .map(caller -> signedInInvitee(caller, invitation))
                    .orElseGet(() -> createAccount(prepared.orElseThrow(), command, invitation, now));
            if (!invitations.markAccepted(invitation)) {
                throw new ConflictException("the invitation has already been accepted");
            }
            memberships.add(new Membership(tenantId, account.id(), invitation.role(), now));
            audit.record(tenantId, "invitation.accepted", Optional.of(account.id()), "invitation", invitation.id(),
                    command.clientIp(), Map.of("role", invitation.role().name()));
            Tenant tenant = tenants.find(tenantId).orElseThrow();
            return sessions.start(account, new AuthResult.TenantRef(tenant.id(), tenant.name()), invitation.role(),
                    command.device());
        });
    }

    /**
     * Validated and hashed before the transaction, so no connection is held while hashing: the password's
     * length and the list are checked here (a common password costs no hash), its e-mail name in the
     * transaction that reads the invited e-mail ({@link #createAccount}).
     */
    private PreparedAccount prepareNewAccount(Command command) {
        NewAccount details = command.newAccount()
                .orElseThrow(() -> new InvalidInputException("password", "is required to create an account"));
        PersonName name = new PersonName(details.firstName(), details.lastName());
        String password = PasswordPolicy.checkWithoutEmail(details.password(), breachedPasswords::contains);
        return new PreparedAccount(name, hasher.hash(password));
    }

    /** A token reaches more people than the invitee (a forwarded e-mail, a shared screen): it is bound to the address. */
    private Account signedInInvitee(AuthenticateUseCase.Caller caller, Invitation invitation) {
        Account account = accounts.findById(caller.actor().accountId()).orElseThrow();
        if (!account.email().equals(invitation.email())) {
            throw new PermissionDeniedException("this invitation was sent to another e-mail address: "
                    + "sign in with the account of that address to accept it");
        }
        return account;
    }

    private Account createAccount(PreparedAccount prepared, Command command, Invitation invitation, Instant now) {
        PasswordPolicy.checkEmailName(command.newAccount().orElseThrow().password(), invitation.email());
        if (accounts.findByEmail(invitation.email()).isPresent()) {
            throw new ConflictException("an account with this e-mail exists: sign in, then accept the invitation");
        }
        Account account = Account.create(AccountId.of(ids.newId()), invitation.email(), prepared.name(),
                prepared.passwordHash(), now);
        accounts.add(account);
        return account;
    }

    private record PreparedAccount(PersonName name, String passwordHash) {}
}
