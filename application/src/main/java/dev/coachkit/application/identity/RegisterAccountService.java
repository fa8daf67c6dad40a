package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.BreachedPasswords;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.identity.PasswordPolicy;
import dev.coachkit.domain.identity.PersonName;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Account, tenant, ADMIN membership and an e-mail verification token in one unit of work, then a session in the
 * new tenant; the verification link is mailed after the answer.
 */
public final class RegisterAccountService implements RegisterAccountUseCase {

    private final UnitOfWork unitOfWork;
    private final AccountRepository accounts;
    private final TenantRepository tenants;
    private final MembershipRepository memberships;
    private final PasswordHasher hasher;
    private final BreachedPasswords breachedPasswords;
    private final SessionIssuer sessions;
    private final EmailVerifications verifications;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    RegisterAccountService(UnitOfWork unitOfWork, AccountRepository accounts, TenantRepository tenants,
            MembershipRepository memberships, PasswordHasher hasher, BreachedPasswords breachedPasswords,
            SessionIssuer sessions, EmailVerifications verifications, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.tenants = tenants;
        this.memberships = memberships;
        this.hasher = hasher;
        this.breachedPasswords = breachedPasswords;
        this.sessions = sessions;
        this.verifications = verifications;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public AuthResult register(Command command) {
        EmailAddress email = EmailAddress.parse(command.email(), "email");
        PersonName name = new PersonName(command.firstName(), command.lastName());
        String password = PasswordPolicy.check(command.password(), email, breachedPasswords::contains);
        Instant now = clock.now();
        Tenant tenant = new Tenant(TenantId.of(ids.newId()), command.organizationName(), now);
        Account account = Account.create(AccountId.of(ids.newId()), email, name, hasher.hash(password), now);
        EmailVerifications.Pending verification = verifications.draw(email);
        AuthResult result = unitOfWork.inTenant(tenant.id(), () -> {
            if (accounts.findByEmail(email).isPresent()) {
                throw new ConflictException("an account with this e-mail already exists");
            }
            accounts.add(account);
            tenants.add(tenant);
            memberships.add(new Membership(tenant.id(), account.id(), Role.ADMIN, now));
            verifications.store(verification);
            audit.record(tenant.id(), "account.registered", Optional.of(account.id()), "account", account.id(),
                    command.clientIp(), Map.of("tenantName", tenant.name()));
            return sessions.start(account, new AuthResult.TenantRef(tenant.id(), tenant.name()), Role.ADMIN,
                    command.device());
        });
        verifications.mailAfterAnswer(verification);
        return result;
    }
}
