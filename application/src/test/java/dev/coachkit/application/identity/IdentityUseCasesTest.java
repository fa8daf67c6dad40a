package dev.coachkit.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.audit.port.in.SearchAuditTrailUseCase;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase.Caller;
import dev.coachkit.application.identity.port.in.ChangeMemberRoleUseCase;
import dev.coachkit.application.identity.port.in.GetTenantUseCase;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.ListMembersUseCase;
import dev.coachkit.application.identity.port.in.LoginUseCase;
import dev.coachkit.application.identity.port.in.LogoutUseCase;
import dev.coachkit.application.identity.port.in.RefreshSessionUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.memory.InMemoryAccounts;
import dev.coachkit.application.memory.InMemoryAuditLog;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryInvitations;
import dev.coachkit.application.memory.InMemoryMemberships;
import dev.coachkit.application.memory.InMemoryPasswordHasher;
import dev.coachkit.application.memory.InMemoryRefreshTokens;
import dev.coachkit.application.memory.InMemoryTenants;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.testing.CountingUnitOfWork;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TooManyRequestsException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The identity use cases, specified on the in-memory adapters. */
class IdentityUseCasesTest {

    private static final Optional<String> IP = Optional.of("203.0.113.7");

    private final CoachKit core = CoachKit.builder().clock(new TickingClock()).withInMemoryAdapters().build();
    private final IdentityModule identity = core.identity();

    private AuthResult register(String email) {
        return identity.register().register(new RegisterAccountUseCase.Command(email, "correct horse battery",
                "Ann", "Coach", "Club " + email, IP));
    }

    private AuthResult login(String email, String password) {
        return identity.login().login(new LoginUseCase.Command(email, password, Optional.empty(), IP));
    }

    private Caller caller(AuthResult session) {
        return identity.authenticate().authenticate(session.accessToken());
    }

    private InviteMemberUseCase.IssuedInvitation invite(AuthResult inviter, String email, Role role) {
        return identity.invite().invite(new InviteMemberUseCase.Command(caller(inviter).actor(),
                inviter.tenant().id(), email, role, IP));
    }

    private AuthResult acceptAsNewAccount(String token) {
        return identity.acceptInvitation().accept(new AcceptInvitationUseCase.Command(token, Optional.empty(),
                Optional.of(new AcceptInvitationUseCase.NewAccount("another good password", "Bo", "Athlete")), IP));
    }

    @Test
    void registration_creates_an_admin_of_a_new_tenant_who_can_sign_in() {
        AuthResult registered = register("ann@club.test");

        AuthResult session = login("ANN@club.test", "correct horse battery");

        assertThat(registered.role()).isEqualTo(Role.ADMIN);
        assertThat(session.tenant()).isEqualTo(registered.tenant());
        assertThat(caller(session).actor().role()).isEqualTo(Role.ADMIN);
        var me = identity.currentUser().currentUser(caller(session).actor());
        assertThat(me.user().email()).isEqualTo("ann@club.test");
        assertThat(me.tenants()).hasSize(1);
    }

    @Test
    void a_taken_email_is_a_conflict_and_bad_input_names_the_field() {
        register("ann@club.test");

        assertThatThrownBy(() -> register("Ann@Club.test")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> identity.register().register(new RegisterAccountUseCase.Command("ben@club.test",
                "short", "Ben", "B", "Club", IP)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("password"));
    }

    @Test
    void unknown_email_and_wrong_password_fail_with_the_same_message() {
        register("ann@club.test");

        Throwable unknown = catchThrowable(() -> login("nobody@club.test", "correct horse battery"));
        Throwable wrong = catchThrowable(() -> login("ann@club.test", "wrong password!"));

        assertThat(unknown).isInstanceOf(AuthenticationException.class);
        assertThat(wrong).isInstanceOf(AuthenticationException.class).hasMessage(unknown.getMessage());
    }

    @Test
    void an_unknown_email_still_costs_one_password_verification() {
        AtomicInteger verifications = new AtomicInteger();
        PasswordHasher counting = countingVerifications(verifications);
        IdentityModule timed = CoachKit.builder().passwordHasher(counting).withInMemoryAdapters().build().identity();

        assertThatThrownBy(() -> timed.login().login(new LoginUseCase.Command("nobody@club.test", "any password",
                Optional.empty(), IP))).isInstanceOf(AuthenticationException.class);

        assertThat(verifications).hasValue(1);
    }

    @Test
    void a_failed_sign_in_costs_the_same_before_its_answer_whether_or_not_the_email_has_an_account() {
        List<Runnable> afterAnswer = new ArrayList<>();
        AtomicInteger verifications = new AtomicInteger();
        AtomicInteger membershipLookups = new AtomicInteger();
        TickingClock clock = new TickingClock();
        InMemoryUnitOfWork memory = new InMemoryUnitOfWork();
        CountingUnitOfWork units = new CountingUnitOfWork(memory);
        InMemoryAccounts accounts = new InMemoryAccounts(memory);
        InMemoryTenants tenants = new InMemoryTenants(memory);
        InMemoryMemberships memberships = new InMemoryMemberships(memory, accounts, tenants);
        InMemoryInvitations invitations = new InMemoryInvitations(memory);
        InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
        InMemoryAuditLog auditLog = new InMemoryAuditLog(memory);
        CoachKit counted = CoachKit.builder().clock(clock).afterAnswer(afterAnswer::add)
                .passwordHasher(countingVerifications(verifications)).unitOfWork(memory)
                .eventOutbox(new InMemoryEventOutbox(memory, clock))
                .identityStores(accounts, tenants, memberships, invitations, refreshTokens, auditLog)
                .withInMemoryAdapters().unitOfWork(units)
                .identityStores(accounts, tenants, countingLookups(memberships, membershipLookups), invitations,
                        refreshTokens, auditLog)
                .build();
        AuthResult ann = counted.identity().register().register(new RegisterAccountUseCase.Command("ann@club.test",
                "correct horse battery", "Ann", "Coach", "Club", IP));
        afterAnswer.forEach(Runnable::run); // the registration's verification mail
        afterAnswer.clear();
        LoginUseCase.Command unknown = new LoginUseCase.Command("nobody@club.test", "a wrong password", Optional.empty(), IP);
        LoginUseCase.Command wrong = new LoginUseCase.Command("ann@club.test", "a wrong password", Optional.empty(), IP);

        membershipLookups.set(0);
        int unknownUnits = units.openedBy(() -> catchThrowable(() -> counted.identity().login().login(unknown)));
        int unknownVerifications = verifications.getAndSet(0);
        int unknownLookups = membershipLookups.getAndSet(0);
        int wrongUnits = units.openedBy(() -> catchThrowable(() -> counted.identity().login().login(wrong)));

        assertThat(wrongUnits).isEqualTo(unknownUnits);
        assertThat(verifications).hasValue(unknownVerifications).hasValue(1);
        assertThat(membershipLookups).as("memberships read outside any unit of work")
                .hasValue(unknownLookups).hasValue(1);
        assertThat(afterAnswer).as("the audit entry of the attempt on Ann's account, written after the answer")
                .hasSize(1);
        afterAnswer.forEach(Runnable::run);
        Actor admin = counted.identity().authenticate().authenticate(ann.accessToken()).actor();
        assertThat(counted.admin().auditTrail().search(new SearchAuditTrailUseCase.Query(admin, new SearchAuditTrailUseCase.Filter(
                Optional.of("account.login_failed"), Optional.empty(), Optional.empty(), Optional.empty()),
                PageRequest.first(10))).items()).hasSize(1);
    }

    /** Counts {@code ofAccount}, the memberships read that needs no unit of work. */
    private static MembershipRepository countingLookups(MembershipRepository real, AtomicInteger lookups) {
        return (MembershipRepository) Proxy.newProxyInstance(MembershipRepository.class.getClassLoader(),
                new Class<?>[] {MembershipRepository.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("ofAccount")) {
                        lookups.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static PasswordHasher countingVerifications(AtomicInteger verifications) {
        InMemoryPasswordHasher real = new InMemoryPasswordHasher();
        return new PasswordHasher() {
            @Override
            public String hash(String rawPassword) {
                return real.hash(rawPassword);
            }

            @Override
            public boolean matches(String rawPassword, String hash) {
                verifications.incrementAndGet();
                return real.matches(rawPassword, hash);
            }

            @Override
            public boolean needsRehash(String hash) {
                return real.needsRehash(hash);
            }
        };
    }

    @Test
    void guessing_one_accounts_password_is_stopped_whatever_the_address() {
        register("ann@club.test");

        Throwable last = null;
        for (int attempt = 0; attempt < 20 && !(last instanceof TooManyRequestsException); attempt++) {
            last = catchThrowable(() -> login("ann@club.test", "guess number " + System.nanoTime()));
        }

        assertThat(last).isInstanceOf(TooManyRequestsException.class);
        assertThat(((TooManyRequestsException) last).retryAfter()).isPositive();
    }

    @Test
    void refresh_rotates_and_reusing_a_rotated_token_revokes_the_whole_family() {
        AuthResult first = register("ann@club.test");
        AuthResult second = refresh(first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThatThrownBy(() -> refresh(first.refreshToken())).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> refresh(second.refreshToken()))
                .as("the newest token of the family is revoked too").isInstanceOf(AuthenticationException.class);
    }

    @Test
    void reusing_a_rotated_refresh_token_ends_every_access_token_of_the_session_but_no_other() {
        AuthResult first = register("ann@club.test");
        AuthResult other = login("ann@club.test", "correct horse battery");
        AuthResult stolen = refresh(first.refreshToken());

        assertThatThrownBy(() -> refresh(first.refreshToken())).isInstanceOf(AuthenticationException.class);

        assertThatThrownBy(() -> caller(stolen)).isInstanceOf(AuthenticationException.class)
                .hasMessage(AccessTokenService.INVALID_TOKEN);
        assertThatThrownBy(() -> caller(first)).isInstanceOf(AuthenticationException.class);
        assertThat(caller(other).actor().tenantId()).as("another session of the account goes on")
                .isEqualTo(first.tenant().id());
    }

    @Test
    void concurrent_refreshes_of_one_token_yield_at_most_one_new_pair() throws Exception {
        AuthResult session = register("ann@club.test");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AuthResult>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(pool.submit((Callable<AuthResult>) () -> refresh(session.refreshToken())));
        }
        int succeeded = 0;
        for (Future<AuthResult> attempt : attempts) {
            try {
                attempt.get();
                succeeded++;
            } catch (java.util.concurrent.ExecutionException refused) {
                assertThat(refused.getCause()).isInstanceOf(AuthenticationException.class);
            }
        }
        pool.shutdown();

        assertThat(succeeded).isLessThanOrEqualTo(1);
    }

    @Test
    void logout_revokes_the_access_token_and_the_refresh_family() {
        AuthResult session = register("ann@club.test");
        Caller caller = caller(session);

        identity.logout().logout(new LogoutUseCase.Command(caller, session.refreshToken(), IP));

        assertThatThrownBy(() -> caller(session)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> refresh(session.refreshToken())).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void logout_ends_the_access_tokens_issued_earlier_in_the_session_too() {
        AuthResult earlier = register("ann@club.test");
        AuthResult other = login("ann@club.test", "correct horse battery");
        AuthResult current = refresh(earlier.refreshToken());

        identity.logout().logout(new LogoutUseCase.Command(caller(current), null, IP));

        assertThatThrownBy(() -> caller(earlier)).isInstanceOf(AuthenticationException.class)
                .hasMessage(AccessTokenService.INVALID_TOKEN);
        assertThatThrownBy(() -> caller(current)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> refresh(current.refreshToken())).as("the session's refresh family")
                .isInstanceOf(AuthenticationException.class);
        assertThat(caller(other).actor().tenantId()).isEqualTo(earlier.tenant().id());
        assertThat(refresh(other.refreshToken()).user().email()).isEqualTo("ann@club.test");
    }

    @Test
    void logout_with_a_refresh_token_of_another_session_is_refused_and_ends_nothing() {
        AuthResult ann = register("ann@club.test");
        AuthResult bo = register("bo@club.test");
        AuthResult annElsewhere = login("ann@club.test", "correct horse battery");

        for (String foreign : List.of(bo.refreshToken(), annElsewhere.refreshToken(), "no-such-token")) {
            assertThatThrownBy(() -> identity.logout().logout(new LogoutUseCase.Command(caller(ann), foreign, IP)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("refreshToken"));
        }

        assertThat(caller(ann).actor().accountId()).isEqualTo(ann.user().id());
        assertThat(refresh(ann.refreshToken()).user().id()).isEqualTo(ann.user().id());
        assertThat(refresh(bo.refreshToken()).user().id()).isEqualTo(bo.user().id());
        assertThat(refresh(annElsewhere.refreshToken()).user().id()).isEqualTo(ann.user().id());
    }

    @Test
    void an_invited_person_creates_an_account_once_and_joins_with_the_invited_role() {
        AuthResult admin = register("ann@club.test");
        var invitation = invite(admin, "bo@club.test", Role.ATHLETE);

        AuthResult joined = acceptAsNewAccount(invitation.acceptToken());

        assertThat(joined.role()).isEqualTo(Role.ATHLETE);
        assertThat(joined.tenant()).isEqualTo(admin.tenant());
        assertThat(core.unitOfWork().inTenant(admin.tenant().id(), () -> ((InMemoryEventOutbox) core.eventOutbox()).unpublished(admin.tenant().id())))
                .extracting(event -> event.type()).contains("member.invited");
        assertThatThrownBy(() -> acceptAsNewAccount(invitation.acceptToken())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> acceptAsNewAccount("no-such-token")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_signed_in_account_accepts_into_a_second_tenant_and_chooses_it_at_login() {
        AuthResult otherAdmin = register("olga@other.test");
        AuthResult ann = register("ann@club.test");
        var invitation = invite(otherAdmin, "ann@club.test", Role.COACH);

        AuthResult joined = identity.acceptInvitation().accept(new AcceptInvitationUseCase.Command(
                invitation.acceptToken(), Optional.of(caller(ann)), Optional.empty(), IP));
        AuthResult chosen = identity.login().login(new LoginUseCase.Command("ann@club.test", "correct horse battery",
                Optional.of(ann.tenant().id()), IP));

        assertThat(joined.tenant()).isEqualTo(otherAdmin.tenant());
        assertThat(login("ann@club.test", "correct horse battery").tenant())
                .as("most recent membership by default").isEqualTo(otherAdmin.tenant());
        assertThat(chosen.tenant()).isEqualTo(ann.tenant());
        assertThat(identity.currentUser().currentUser(caller(chosen).actor()).tenants()).hasSize(2);
    }

    @Test
    void an_invitation_is_refused_to_a_signed_in_account_of_another_email_and_stays_open_for_the_invitee() {
        AuthResult admin = register("ann@club.test");
        AuthResult mallory = register("mallory@elsewhere.test");
        var invitation = invite(admin, "bo@club.test", Role.ADMIN);

        assertThatThrownBy(() -> identity.acceptInvitation().accept(new AcceptInvitationUseCase.Command(
                invitation.acceptToken(), Optional.of(caller(mallory)), Optional.empty(), IP)))
                .isInstanceOf(PermissionDeniedException.class);

        AuthResult bo = acceptAsNewAccount(invitation.acceptToken());
        assertThat(bo.user().email()).isEqualTo("bo@club.test");
        assertThat(bo.role()).isEqualTo(Role.ADMIN);
        assertThat(identity.currentUser().currentUser(caller(mallory).actor()).tenants()).hasSize(1);
    }

    @Test
    void an_existing_account_must_sign_in_to_accept() {
        AuthResult admin = register("ann@club.test");
        register("bo@club.test");
        var invitation = invite(admin, "bo@club.test", Role.ATHLETE);

        assertThatThrownBy(() -> acceptAsNewAccount(invitation.acceptToken())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("sign in");
    }

    @Test
    void coaches_invite_athletes_only_and_athletes_invite_nobody() {
        AuthResult admin = register("ann@club.test");
        AuthResult coach = acceptAsNewAccount(invite(admin, "cy@club.test", Role.COACH).acceptToken());
        AuthResult athlete = acceptAsNewAccount(invite(coach, "di@club.test", Role.ATHLETE).acceptToken());

        assertThatThrownBy(() -> invite(coach, "x@club.test", Role.ADMIN)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> invite(athlete, "y@club.test", Role.ATHLETE))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void another_tenant_and_its_members_are_not_found() {
        AuthResult ann = register("ann@club.test");
        AuthResult olga = register("olga@other.test");
        var annActor = caller(ann).actor();

        assertThatThrownBy(() -> identity.tenant().tenant(new GetTenantUseCase.Query(annActor, olga.tenant().id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> identity.members().members(new ListMembersUseCase.Query(annActor,
                olga.tenant().id(), PageRequest.firstDefault()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_admin_changes_a_role_which_takes_effect_at_the_members_next_request() {
        AuthResult admin = register("ann@club.test");
        AuthResult athlete = acceptAsNewAccount(invite(admin, "bo@club.test", Role.ATHLETE).acceptToken());

        var changed = identity.changeRole().changeRole(new ChangeMemberRoleUseCase.Command(caller(admin).actor(),
                admin.tenant().id(), athlete.user().id(), Role.COACH, IP));

        assertThat(changed.role()).isEqualTo(Role.COACH);
        assertThat(caller(athlete).actor().role()).as("the token issued before the change").isEqualTo(Role.COACH);
        assertThat(refresh(athlete.refreshToken()).role()).isEqualTo(Role.COACH);
    }

    @Test
    void a_demoted_admin_cannot_use_a_token_issued_before_the_demotion_to_undo_it() {
        AuthResult ann = register("ann@club.test");
        AuthResult cy = acceptAsNewAccount(invite(ann, "cy@club.test", Role.ADMIN).acceptToken());
        String cysTokenAsAdmin = cy.accessToken();
        identity.changeRole().changeRole(new ChangeMemberRoleUseCase.Command(caller(ann).actor(),
                ann.tenant().id(), cy.user().id(), Role.ATHLETE, IP));

        var staleCaller = identity.authenticate().authenticate(cysTokenAsAdmin);

        assertThat(staleCaller.actor().role()).isEqualTo(Role.ATHLETE);
        assertThatThrownBy(() -> identity.changeRole().changeRole(new ChangeMemberRoleUseCase.Command(
                staleCaller.actor(), ann.tenant().id(), cy.user().id(), Role.ADMIN, IP)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> identity.invite().invite(new InviteMemberUseCase.Command(staleCaller.actor(),
                ann.tenant().id(), "eve@club.test", Role.ADMIN, IP))).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void only_an_admin_changes_roles_and_the_last_admin_stays_admin() {
        AuthResult admin = register("ann@club.test");
        AuthResult coach = acceptAsNewAccount(invite(admin, "cy@club.test", Role.COACH).acceptToken());
        var adminActor = caller(admin).actor();

        assertThatThrownBy(() -> identity.changeRole().changeRole(new ChangeMemberRoleUseCase.Command(
                caller(coach).actor(), admin.tenant().id(), coach.user().id(), Role.ADMIN, IP)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> identity.changeRole().changeRole(new ChangeMemberRoleUseCase.Command(
                adminActor, admin.tenant().id(), admin.user().id(), Role.COACH, IP)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> identity.changeRole().changeRole(new ChangeMemberRoleUseCase.Command(
                adminActor, admin.tenant().id(), register("x@other.test").user().id(), Role.COACH, IP)))
                .as("an account of another tenant is no member here").isInstanceOf(NotFoundException.class);
    }

    @Test
    void members_are_listed_oldest_first_in_pages() {
        AuthResult admin = register("ann@club.test");
        for (String email : List.of("b@club.test", "c@club.test", "d@club.test")) {
            acceptAsNewAccount(invite(admin, email, Role.ATHLETE).acceptToken());
        }
        var actor = caller(admin).actor();

        var first = identity.members().members(new ListMembersUseCase.Query(actor, admin.tenant().id(),
                PageRequest.first(3)));
        var second = identity.members().members(new ListMembersUseCase.Query(actor, admin.tenant().id(),
                PageRequest.first(3).after(first.next().orElseThrow())));

        assertThat(first.items()).extracting(m -> m.email().value())
                .containsExactly("ann@club.test", "b@club.test", "c@club.test");
        assertThat(second.items()).extracting(m -> m.email().value()).containsExactly("d@club.test");
        assertThat(second.next()).isEmpty();
    }

    private AuthResult refresh(String token) {
        return identity.refresh().refresh(new RefreshSessionUseCase.Command(token, IP));
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowable(call);
    }
}
