package dev.coachkit.application.identity.port.out;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static dev.coachkit.application.testing.IdentityBuilders.aMembership;
import static dev.coachkit.application.testing.IdentityBuilders.aRefreshToken;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static dev.coachkit.application.testing.IdentityBuilders.anAuditEntry;
import static dev.coachkit.application.testing.IdentityBuilders.anInvitation;
import static dev.coachkit.application.testing.IdentityBuilders.uniqueEmail;
import static dev.coachkit.application.testing.IdentityBuilders.uniqueTokenHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.identity.port.out.MembershipRepository.Member;
import dev.coachkit.application.identity.port.out.MembershipRepository.TenantMembership;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.application.testing.IdentityBuilders.RefreshTokenBuilder;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.AccountToken;
import dev.coachkit.domain.identity.ClientDevice;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.IanaTimeZone;
import dev.coachkit.domain.identity.Invitation;
import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.identity.PersonName;
import dev.coachkit.domain.identity.RefreshFamily;
import dev.coachkit.domain.identity.RefreshToken;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every adapter family of the identity stores and the {@link AuditLog} guarantees. The stores
 * share one {@link UnitOfWork}, so a subclass gives adapters of one family. Every test works with
 * accounts, tenants and tokens of its own, so adapters may share state between tests. Tenant-owned
 * rows are written and read inside their tenant's unit; accounts and refresh tokens in any unit.
 */
public abstract class IdentityStoresContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract AccountRepository accounts();

    protected abstract TenantRepository tenants();

    protected abstract MembershipRepository memberships();

    protected abstract InvitationRepository invitations();

    protected abstract RefreshTokenStore refreshTokens();

    protected abstract AuditLog auditLog();

    protected abstract AccountTokenRepository accountTokens();

    private <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return unitOfWork().inTenant(tenant, work);
    }

    private void runInTenant(TenantId tenant, Runnable work) {
        unitOfWork().runInTenant(tenant, work);
    }

    private <T> T withoutTenant(Supplier<T> work) {
        return unitOfWork().withoutTenant(work);
    }

    private void runWithoutTenant(Runnable work) {
        unitOfWork().withoutTenant(() -> {
            work.run();
            return null;
        });
    }

    private Account stored(Account account) {
        runWithoutTenant(() -> accounts().add(account));
        return account;
    }

    private Account storedAccount() {
        return stored(anAccount().build());
    }

    private Tenant stored(Tenant tenant) {
        runInTenant(tenant.id(), () -> tenants().add(tenant));
        return tenant;
    }

    private Tenant storedTenant() {
        return stored(aTenant().build());
    }

    private Membership stored(Membership membership) {
        runInTenant(membership.tenantId(), () -> memberships().add(membership));
        return membership;
    }

    private Invitation stored(Invitation invitation) {
        runInTenant(invitation.tenantId(), () -> invitations().add(invitation));
        return invitation;
    }

    /** Where the contract's sessions are used from, unless a test says otherwise. */
    private static final ClientDevice DEVICE = new ClientDevice(Optional.of("203.0.113.7"),
            Optional.of("Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"));

    private RefreshToken stored(RefreshToken token) {
        return stored(token, DEVICE);
    }

    private RefreshToken stored(RefreshToken token, ClientDevice device) {
        runWithoutTenant(() -> refreshTokens().add(token, device));
        return token;
    }

    private Optional<RefreshToken> tokenWithHashOf(RefreshToken token) {
        return withoutTenant(() -> refreshTokens().findByHash(token.tokenHash()));
    }

    /** Accounts: global, one per e-mail. */
    @Nested
    class Accounts {

        @Test
        void added_account_is_found_by_id_and_by_email_with_every_field() {
            Account account = stored(anAccount().named("Zoë", "O'Brien-Łukasz")
                    .createdAt(Instant.parse("2026-11-25T10:15:30.654321Z")).build());

            Optional<Account> byId = withoutTenant(() -> accounts().findById(account.id()));
            Optional<Account> byEmail = withoutTenant(() -> accounts().findByEmail(account.email()));

            assertThat(byId).get().usingRecursiveComparison().isEqualTo(account);
            assertThat(byEmail).get().usingRecursiveComparison().isEqualTo(account);
        }

        @Test
        void unknown_account_is_not_found() {
            Account neverAdded = anAccount().build();

            assertThat(withoutTenant(() -> accounts().findById(neverAdded.id()))).isEmpty();
            assertThat(withoutTenant(() -> accounts().findByEmail(neverAdded.email()))).isEmpty();
        }

        @Test
        void email_lookup_ignores_the_case_the_address_was_typed_in() {
            String email = uniqueEmail();
            Account account = stored(anAccount().withEmail("  " + email.toUpperCase(Locale.ROOT) + " ").build());

            Optional<Account> found = withoutTenant(() -> accounts().findByEmail(
                    EmailAddress.parse(Character.toUpperCase(email.charAt(0)) + email.substring(1), "email")));

            assertThat(found).get().extracting(Account::id).isEqualTo(account.id());
        }

        @Test
        void a_taken_email_is_a_conflict_whatever_its_case() {
            String email = uniqueEmail();
            stored(anAccount().withEmail(email).build());
            Account sameEmail = anAccount().withEmail(email.toUpperCase(Locale.ROOT)).build();

            assertThatThrownBy(() -> runWithoutTenant(() -> accounts().add(sameEmail)))
                    .isInstanceOf(ConflictException.class);

            assertThat(withoutTenant(() -> accounts().findById(sameEmail.id()))).isEmpty();
        }

        @Test
        void update_replaces_the_password_hash_and_keeps_the_rest() {
            Account account = storedAccount();
            Account rehashed = account.withPasswordHash("$argon2id$v=19$m=47104,t=1,p=1$bmV3c2FsdA$bmV3aGFzaA");

            runWithoutTenant(() -> accounts().update(rehashed));

            assertThat(withoutTenant(() -> accounts().findById(account.id())))
                    .get().usingRecursiveComparison().isEqualTo(rehashed);
        }

        @Test
        void the_profile_is_stored_with_the_account_and_an_update_with_an_avatar_change_replaces_it() {
            UUID avatar = UUID.randomUUID();
            Account account = stored(anAccount().inTimeZone("America/New_York").withAvatar(avatar).build());
            Account moved = account.withTimeZone(IanaTimeZone.of("Europe/Berlin")).withoutAvatar()
                    .withName(new PersonName("Renée", "Müller"));

            Optional<Account> found = withoutTenant(() -> accounts().findById(account.id()));
            runWithoutTenant(() -> {
                accounts().update(moved);
                accounts().changeAvatar(moved.id(), moved.avatarMediaId());
            });

            assertThat(found).get().usingRecursiveComparison().isEqualTo(account);
            assertThat(found.orElseThrow().timeZone().id()).isEqualTo("America/New_York");
            assertThat(found.orElseThrow().avatarMediaId()).contains(avatar);
            assertThat(withoutTenant(() -> accounts().findById(account.id())))
                    .get().usingRecursiveComparison().isEqualTo(moved);
        }

        @Test
        void an_update_leaves_the_avatar_as_stored_so_a_copy_read_before_it_was_cleared_cannot_bring_it_back() {
            UUID deleted = UUID.randomUUID();
            Account account = stored(anAccount().withAvatar(deleted).build());
            Account readBeforeTheDeletion = withoutTenant(() -> accounts().findById(account.id())).orElseThrow();

            runInTenant(aTenant().build().id(), () -> accounts().clearAvatar(deleted));
            runWithoutTenant(() -> accounts().update(readBeforeTheDeletion.withPasswordHash("rehashed")));

            Account found = withoutTenant(() -> accounts().findById(account.id())).orElseThrow();
            assertThat(found.passwordHash()).isEqualTo("rehashed");
            assertThat(found.avatarMediaId()).isEmpty();
        }

        @Test
        void changing_the_avatar_sets_or_removes_it_and_nothing_else() {
            UUID chosen = UUID.randomUUID();
            Account account = stored(anAccount().inTimeZone("Asia/Tokyo").build());

            runWithoutTenant(() -> accounts().changeAvatar(account.id(), Optional.of(chosen)));
            assertThat(withoutTenant(() -> accounts().findById(account.id()))).get()
                    .usingRecursiveComparison().ignoringFields("avatarMediaId").isEqualTo(account);
            assertThat(withoutTenant(() -> accounts().findById(account.id()))).get()
                    .extracting(Account::avatarMediaId).isEqualTo(Optional.of(chosen));

            runWithoutTenant(() -> accounts().changeAvatar(account.id(), Optional.empty()));
            assertThat(withoutTenant(() -> accounts().findById(account.id()))).get()
                    .usingRecursiveComparison().isEqualTo(account);
        }

        @Test
        void clearing_an_avatar_takes_it_off_every_account_showing_it_and_off_no_other() {
            UUID deleted = UUID.randomUUID();
            UUID kept = UUID.randomUUID();
            Account one = stored(anAccount().inTimeZone("Asia/Tokyo").withAvatar(deleted).build());
            Account two = stored(anAccount().withAvatar(deleted).build());
            Account other = stored(anAccount().withAvatar(kept).build());

            runInTenant(aTenant().build().id(), () -> accounts().clearAvatar(deleted));

            assertThat(withoutTenant(() -> accounts().findById(one.id()))).get()
                    .usingRecursiveComparison().isEqualTo(one.withoutAvatar());
            assertThat(withoutTenant(() -> accounts().findById(two.id()))).get()
                    .extracting(Account::avatarMediaId).isEqualTo(Optional.empty());
            assertThat(withoutTenant(() -> accounts().findById(other.id()))).get()
                    .extracting(Account::avatarMediaId).isEqualTo(Optional.of(kept));
        }

        @Test
        void accounts_are_written_and_read_inside_tenant_units_too() {
            TenantId one = aTenant().build().id();
            TenantId other = aTenant().build().id();
            Account account = anAccount().build();

            runInTenant(one, () -> accounts().add(account));

            assertThat(inTenant(other, () -> accounts().findById(account.id()))).isPresent();
            assertThat(inTenant(other, () -> accounts().findByEmail(account.email()))).isPresent();
            assertThat(withoutTenant(() -> accounts().findById(account.id()))).isPresent();
        }
    }

    /** Tenants: each visible only inside its own unit. */
    @Nested
    class Tenants {

        @Test
        void added_tenant_is_found_inside_its_own_unit() {
            Tenant tenant = stored(aTenant().named("Ørsted Rowing & Co.")
                    .createdAt(Instant.parse("2026-11-25T10:15:30.000001Z")).build());

            assertThat(inTenant(tenant.id(), () -> tenants().find(tenant.id()))).contains(tenant);
        }

        @Test
        void a_tenant_is_invisible_from_another_tenants_unit() {
            Tenant tenant = storedTenant();
            Tenant other = storedTenant();

            assertThat(inTenant(other.id(), () -> tenants().find(tenant.id()))).isEmpty();
        }

        @Test
        void a_tenant_is_invisible_in_a_unit_without_tenant() {
            Tenant tenant = storedTenant();

            assertThat(withoutTenant(() -> tenants().find(tenant.id()))).isEmpty();
        }

        @Test
        void adding_a_tenant_inside_another_tenants_unit_is_refused() {
            Tenant other = storedTenant();
            Tenant foreign = aTenant().build();

            assertThatThrownBy(() -> runInTenant(other.id(), () -> tenants().add(foreign)))
                    .isInstanceOf(RuntimeException.class);

            assertThat(inTenant(other.id(), () -> tenants().find(foreign.id()))).isEmpty();
            assertThat(inTenant(foreign.id(), () -> tenants().find(foreign.id()))).isEmpty();
        }
    }

    /** Memberships: per tenant, listed in keyset pages, read across tenants only for their own account. */
    @Nested
    class Memberships {

        @Test
        void locking_roles_makes_another_unit_of_the_tenant_wait_until_the_first_ends() throws Exception {
            TenantId tenant = storedTenant().id();
            CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
            AtomicBoolean firstEnded = new AtomicBoolean();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<?> first = threads.submit(() -> runInTenant(tenant, () -> {
                    memberships().lockRoles(tenant);
                    firstHoldsTheLock.countDown();
                    pause(300);
                    firstEnded.set(true);
                }));
                firstHoldsTheLock.await(10, TimeUnit.SECONDS);
                Future<Boolean> second = threads.submit(() -> inTenant(tenant, () -> {
                    memberships().lockRoles(tenant);
                    return firstEnded.get();
                }));

                assertThat(second.get(10, TimeUnit.SECONDS)).as("the second unit got the lock after the first ended")
                        .isTrue();
                first.get(10, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }
        }

        private void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Test
        void a_role_change_is_stored_and_counted() {
            Tenant tenant = storedTenant();
            Account first = storedAccount();
            Account second = storedAccount();
            stored(aMembership().inTenant(tenant.id()).of(first.id()).as(Role.ADMIN).build());
            stored(aMembership().inTenant(tenant.id()).of(second.id()).as(Role.ATHLETE).build());

            boolean changed = inTenant(tenant.id(), () -> memberships().changeRole(tenant.id(), second.id(), Role.ADMIN));

            assertThat(changed).isTrue();
            assertThat(inTenant(tenant.id(), () -> memberships().find(tenant.id(), second.id())))
                    .hasValueSatisfying(membership -> assertThat(membership.role()).isEqualTo(Role.ADMIN));
            assertThat(inTenant(tenant.id(), () -> memberships().countWithRole(tenant.id(), Role.ADMIN))).isEqualTo(2);
        }

        @Test
        void changing_the_role_of_a_non_member_changes_nothing() {
            Tenant tenant = storedTenant();
            Account stranger = storedAccount();

            assertThat(inTenant(tenant.id(), () -> memberships().changeRole(tenant.id(), stranger.id(), Role.COACH)))
                    .isFalse();
        }

        @Test
        void added_membership_is_found_in_its_tenant() {
            Tenant tenant = storedTenant();
            Account account = storedAccount();
            Membership membership = stored(aMembership().inTenant(tenant.id()).of(account.id()).as(Role.COACH)
                    .joinedAt(Instant.parse("2026-11-25T11:00:00.000042Z")).build());

            assertThat(inTenant(tenant.id(), () -> memberships().find(tenant.id(), account.id())))
                    .contains(membership);
        }

        @Test
        void a_second_membership_of_the_account_in_the_tenant_is_a_conflict() {
            Tenant tenant = storedTenant();
            Account account = storedAccount();
            Membership first = stored(aMembership().inTenant(tenant.id()).of(account.id()).as(Role.ATHLETE).build());
            Membership second = aMembership().inTenant(tenant.id()).of(account.id()).as(Role.ADMIN).build();

            assertThatThrownBy(() -> runInTenant(tenant.id(), () -> memberships().add(second)))
                    .isInstanceOf(ConflictException.class);

            assertThat(inTenant(tenant.id(), () -> memberships().find(tenant.id(), account.id()))).contains(first);
        }

        @Test
        void a_membership_in_one_tenant_is_not_one_in_another() {
            Tenant tenant = storedTenant();
            Tenant other = storedTenant();
            Account account = storedAccount();
            stored(aMembership().inTenant(tenant.id()).of(account.id()).build());

            assertThat(inTenant(other.id(), () -> memberships().find(other.id(), account.id()))).isEmpty();
        }

        @Test
        void members_are_listed_oldest_first_in_keyset_pages_without_gaps_or_repeats() {
            Tenant tenant = storedTenant();
            Instant t = Instant.parse("2026-11-25T12:00:00.000001Z");
            List<Instant> joined = List.of(t, t.plusSeconds(1), t.plusSeconds(1), t.plusSeconds(2), t.plusSeconds(3));
            List<Role> roles = List.of(Role.ADMIN, Role.COACH, Role.SCHEDULER, Role.ATHLETE, Role.ATHLETE);
            List<Member> expected = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Account account = stored(anAccount().named("Member" + i, "Surname" + i).build());
                expected.add(new Member(account.id(), account.email(), account.name(), roles.get(i), joined.get(i),
                        false));
            }
            for (int i : new int[] {3, 0, 4, 1, 2}) { // joining order differs from insertion order
                Member member = expected.get(i);
                stored(aMembership().inTenant(tenant.id()).of(member.accountId()).as(member.role())
                        .joinedAt(member.joinedAt()).build());
            }

            List<Page<Member>> pages = new ArrayList<>();
            PageRequest request = PageRequest.first(2);
            while (pages.size() < 5) { // more than enough; a cursor that never ends fails below
                PageRequest current = request;
                Page<Member> page = inTenant(tenant.id(), () -> memberships().list(tenant.id(), current));
                pages.add(page);
                if (page.next().isEmpty()) {
                    break;
                }
                request = request.after(page.next().get());
            }

            assertThat(pages).extracting(page -> page.items().size()).containsExactly(2, 2, 1);
            List<Member> listed = pages.stream().flatMap(page -> page.items().stream()).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(listed).extracting(Member::joinedAt).isSorted();
            assertThat(listed.get(0)).isEqualTo(expected.get(0));
            assertThat(listed.get(4)).isEqualTo(expected.get(4));
        }

        @Test
        void list_shows_only_members_of_the_requested_tenant() {
            Tenant tenant = storedTenant();
            Tenant other = storedTenant();
            Account mine = storedAccount();
            Account both = storedAccount();
            Account theirs = storedAccount();
            stored(aMembership().inTenant(tenant.id()).of(mine.id()).as(Role.COACH).joinedAt(T0).build());
            stored(aMembership().inTenant(tenant.id()).of(both.id()).as(Role.ATHLETE).joinedAt(T0.plusSeconds(1))
                    .build());
            stored(aMembership().inTenant(other.id()).of(both.id()).as(Role.ADMIN).build());
            stored(aMembership().inTenant(other.id()).of(theirs.id()).as(Role.ADMIN).build());

            Page<Member> page = inTenant(tenant.id(), () -> memberships().list(tenant.id(), PageRequest.first(100)));

            assertThat(page.items()).containsExactly(
                    new Member(mine.id(), mine.email(), mine.name(), Role.COACH, T0, false),
                    new Member(both.id(), both.email(), both.name(), Role.ATHLETE, T0.plusSeconds(1), false));
            assertThat(page.next()).isEmpty();
        }

        @Test
        void of_account_lists_every_tenant_of_the_account_most_recent_first_outside_any_unit() {
            Account account = storedAccount();
            Account someoneElse = storedAccount();
            Tenant first = stored(aTenant().named("First Club").build());
            Tenant second = stored(aTenant().named("Second Club").build());
            Tenant third = stored(aTenant().named("Third Club").build());
            Instant t = Instant.parse("2026-11-25T13:00:00.000007Z");
            stored(aMembership().inTenant(second.id()).of(account.id()).as(Role.COACH).joinedAt(t.plusSeconds(1))
                    .build());
            stored(aMembership().inTenant(first.id()).of(account.id()).as(Role.ADMIN).joinedAt(t).build());
            stored(aMembership().inTenant(third.id()).of(account.id()).as(Role.ATHLETE).joinedAt(t.plusSeconds(2))
                    .build());
            stored(aMembership().inTenant(first.id()).of(someoneElse.id()).as(Role.ATHLETE)
                    .joinedAt(t.plusSeconds(9)).build());

            List<TenantMembership> tenantsOfAccount = memberships().ofAccount(account.id());

            assertThat(tenantsOfAccount).containsExactly(
                    new TenantMembership(third.id(), "Third Club", Role.ATHLETE, t.plusSeconds(2)),
                    new TenantMembership(second.id(), "Second Club", Role.COACH, t.plusSeconds(1)),
                    new TenantMembership(first.id(), "First Club", Role.ADMIN, t));
        }

        @Test
        void role_of_answers_the_stored_role_outside_any_unit_and_follows_a_change_at_once() {
            Tenant tenant = storedTenant();
            Account admin = storedAccount();
            Account demoted = storedAccount();
            stored(aMembership().inTenant(tenant.id()).of(admin.id()).as(Role.ADMIN).build());
            stored(aMembership().inTenant(tenant.id()).of(demoted.id()).as(Role.ADMIN).build());

            inTenant(tenant.id(), () -> memberships().changeRole(tenant.id(), demoted.id(), Role.ATHLETE));

            assertThat(memberships().roleOf(tenant.id(), demoted.id())).contains(Role.ATHLETE);
            assertThat(memberships().roleOf(tenant.id(), admin.id())).contains(Role.ADMIN);
        }

        @Test
        void role_of_is_empty_for_a_non_member_and_for_a_member_of_another_tenant() {
            Tenant tenant = storedTenant();
            Tenant other = storedTenant();
            Account member = storedAccount();
            stored(aMembership().inTenant(tenant.id()).of(member.id()).as(Role.COACH).build());

            assertThat(memberships().roleOf(other.id(), member.id())).isEmpty();
            assertThat(memberships().roleOf(tenant.id(), storedAccount().id())).isEmpty();
            assertThat(inTenant(other.id(), () -> memberships().roleOf(other.id(), member.id()))).isEmpty();
        }

        @Test
        void of_account_is_empty_for_an_account_without_memberships() {
            Account account = storedAccount();

            assertThat(memberships().ofAccount(account.id())).isEmpty();
        }

        @Test
        void adding_a_membership_of_another_tenant_is_refused() {
            Tenant tenant = storedTenant();
            Tenant other = storedTenant();
            Account account = storedAccount();
            Membership foreign = aMembership().inTenant(tenant.id()).of(account.id()).build();

            assertThatThrownBy(() -> runInTenant(other.id(), () -> memberships().add(foreign)))
                    .isInstanceOf(RuntimeException.class);

            assertThat(inTenant(tenant.id(), () -> memberships().find(tenant.id(), account.id()))).isEmpty();
            assertThat(memberships().ofAccount(account.id())).isEmpty();
        }
    }

    /** Invitations: per tenant, found by token hash; the tenant of a token is the one cross-tenant read. */
    @Nested
    class Invitations {

        private Invitation storedInvitation(Tenant tenant) {
            Account inviter = storedAccount();
            return stored(anInvitation().inTenant(tenant.id()).invitedBy(inviter.id()).as(Role.COACH)
                    .createdAt(Instant.parse("2026-11-25T14:00:00.000099Z")).build());
        }

        @Test
        void added_invitation_is_found_by_its_token_hash_in_its_tenant() {
            Tenant tenant = storedTenant();
            Invitation invitation = storedInvitation(tenant);

            Optional<Invitation> found = inTenant(tenant.id(), () -> invitations().find(tenant.id(),
                    invitation.tokenHash()));

            assertThat(found).get().usingRecursiveComparison().isEqualTo(invitation);
            assertThat(inTenant(tenant.id(), () -> invitations().find(tenant.id(), uniqueTokenHash()))).isEmpty();
        }

        @Test
        void tenant_of_a_token_is_found_in_a_unit_without_tenant() {
            Tenant tenant = storedTenant();
            Invitation invitation = storedInvitation(tenant);

            assertThat(withoutTenant(() -> invitations().tenantOf(invitation.tokenHash()))).contains(tenant.id());
        }

        @Test
        void tenant_of_an_unknown_token_is_empty() {
            assertThat(withoutTenant(() -> invitations().tenantOf(uniqueTokenHash()))).isEmpty();
        }

        @Test
        void an_invitation_is_invisible_from_another_tenant() {
            Tenant tenant = storedTenant();
            Tenant other = storedTenant();
            Invitation invitation = storedInvitation(tenant);

            assertThat(inTenant(other.id(), () -> invitations().find(other.id(), invitation.tokenHash()))).isEmpty();
        }

        @Test
        void an_invitation_is_accepted_once_and_a_second_acceptance_loses() {
            Tenant tenant = storedTenant();
            Invitation pending = storedInvitation(tenant);
            Instant firstAt = pending.createdAt().plus(Duration.ofHours(1));
            Instant secondAt = firstAt.plusSeconds(1);

            boolean first = inTenant(tenant.id(), () -> invitations().markAccepted(pending.accept(firstAt)));
            boolean second = inTenant(tenant.id(), () -> invitations().markAccepted(pending.accept(secondAt)));

            assertThat(first).isTrue();
            assertThat(second).isFalse();
            Invitation stored = inTenant(tenant.id(), () -> invitations().find(tenant.id(), pending.tokenHash()))
                    .orElseThrow();
            assertThat(stored.status()).isEqualTo(Invitation.Status.ACCEPTED);
            assertThat(stored.acceptedAt()).isEqualTo(firstAt);
        }

        @Test
        void adding_an_invitation_of_another_tenant_is_refused() {
            Tenant tenant = storedTenant();
            Tenant other = storedTenant();
            Invitation foreign = anInvitation().inTenant(tenant.id()).invitedBy(storedAccount().id()).build();

            assertThatThrownBy(() -> runInTenant(other.id(), () -> invitations().add(foreign)))
                    .isInstanceOf(RuntimeException.class);

            assertThat(withoutTenant(() -> invitations().tenantOf(foreign.tokenHash()))).isEmpty();
        }
    }

    /** Refresh tokens: global, rotated at most once, revoked by family. */
    @Nested
    class RefreshTokens {

        private final Account owner = storedAccount();
        private final Tenant ownersTenant = storedTenant();

        private RefreshTokenBuilder aToken() {
            return aRefreshToken().of(owner.id(), ownersTenant.id());
        }

        private boolean markRotated(RefreshToken token, Instant at) {
            return withoutTenant(() -> refreshTokens().markRotated(token.id(), at));
        }

        @Test
        void added_token_is_found_by_its_hash_with_every_field() {
            RefreshToken token = stored(aToken().issuedAt(Instant.parse("2026-11-25T15:00:00.000123Z")).build());

            assertThat(tokenWithHashOf(token)).contains(token);
            assertThat(withoutTenant(() -> refreshTokens().findByHash(uniqueTokenHash()))).isEmpty();
        }

        @Test
        void tokens_are_written_and_read_inside_tenant_units_too() {
            RefreshToken token = aToken().build();
            TenantId elsewhere = storedTenant().id();

            runInTenant(ownersTenant.id(), () -> refreshTokens().add(token, DEVICE));

            assertThat(inTenant(elsewhere, () -> refreshTokens().findByHash(token.tokenHash()))).contains(token);
            assertThat(inTenant(elsewhere, () -> refreshTokens().markRotated(token.id(), T0.plusSeconds(1))))
                    .isTrue();
        }

        @Test
        void a_token_is_rotated_once_and_then_reported_as_used() {
            RefreshToken token = stored(aToken().build());
            Instant at = T0.plus(Duration.ofMinutes(5));

            boolean first = markRotated(token, at);
            boolean again = markRotated(token, at.plusSeconds(1));

            assertThat(first).isTrue();
            assertThat(again).isFalse();
            assertThat(tokenWithHashOf(token)).get().satisfies(stored -> {
                assertThat(stored.rotatedAt()).isEqualTo(at);
                assertThat(stored.revokedAt()).isNull();
            });
        }

        @Test
        void a_revoked_token_cannot_be_rotated() {
            RefreshToken token = stored(aToken().build());
            Instant at = T0.plus(Duration.ofMinutes(5));
            runWithoutTenant(() -> refreshTokens().revokeFamily(token.familyId(), at));

            assertThat(markRotated(token, at.plusSeconds(1))).isFalse();

            assertThat(tokenWithHashOf(token)).get().extracting(RefreshToken::rotatedAt).isNull();
        }

        @Test
        void revoking_a_family_revokes_each_of_its_tokens_and_no_other() {
            RefreshToken first = stored(aToken().build());
            RefreshToken second = stored(aToken().inFamily(first.familyId()).issuedAt(T0.plusSeconds(60)).build());
            RefreshToken otherFamily = stored(aToken().build());
            markRotated(first, T0.plusSeconds(60));
            Instant at = T0.plus(Duration.ofMinutes(10));

            runWithoutTenant(() -> refreshTokens().revokeFamily(first.familyId(), at));

            assertThat(tokenWithHashOf(first)).get().satisfies(stored -> {
                assertThat(stored.revokedAt()).isEqualTo(at);
                assertThat(stored.rotatedAt()).isEqualTo(T0.plusSeconds(60));
            });
            assertThat(tokenWithHashOf(second)).get().extracting(RefreshToken::revokedAt).isEqualTo(at);
            assertThat(tokenWithHashOf(otherFamily)).get().extracting(RefreshToken::revokedAt).isNull();
        }

        private List<RefreshFamily> liveFamilies(Account account, Instant now) {
            return withoutTenant(() -> refreshTokens().liveFamiliesOf(account.id(), now));
        }

        @Test
        void the_first_token_starts_a_family_and_each_later_one_marks_it_used_from_its_device() {
            RefreshToken first = stored(aToken().build());
            ClientDevice phone = new ClientDevice(Optional.of("2001:db8::1"), Optional.of("CoachKit/3.2 (iPhone)"));

            assertThat(liveFamilies(owner, T0.plusSeconds(1))).singleElement().satisfies(family -> {
                assertThat(family.id()).isEqualTo(first.familyId());
                assertThat(family.accountId()).isEqualTo(owner.id());
                assertThat(family.tenantId()).isEqualTo(ownersTenant.id());
                assertThat(family.createdAt()).isEqualTo(T0);
                assertThat(family.lastUsedAt()).isEqualTo(T0);
                assertThat(family.expiresAt()).isEqualTo(first.expiresAt());
                assertThat(family.revokedAt()).isNull();
                assertThat(family.lastDevice()).isEqualTo(DEVICE);
            });

            markRotated(first, T0.plus(Duration.ofHours(2)));
            RefreshToken next = stored(aToken().inFamily(first.familyId()).issuedAt(T0.plus(Duration.ofHours(2)))
                    .build(), phone);

            assertThat(liveFamilies(owner, T0.plus(Duration.ofHours(3)))).singleElement().satisfies(family -> {
                assertThat(family.createdAt()).isEqualTo(T0);
                assertThat(family.lastUsedAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
                assertThat(family.expiresAt()).isEqualTo(next.expiresAt());
                assertThat(family.lastDevice()).isEqualTo(phone);
            });
        }

        @Test
        void a_session_started_from_an_unknown_device_is_listed_without_address_or_user_agent() {
            stored(aToken().build(), ClientDevice.unknown());

            assertThat(liveFamilies(owner, T0)).singleElement()
                    .extracting(RefreshFamily::lastDevice).isEqualTo(ClientDevice.unknown());
        }

        @Test
        void live_families_are_the_accounts_unrevoked_unexpired_ones_most_recently_used_first() {
            RefreshToken older = stored(aToken().issuedAt(T0).build());
            RefreshToken newer = stored(aToken().issuedAt(T0.plusSeconds(30)).build());
            RefreshToken revoked = stored(aToken().issuedAt(T0.plusSeconds(40)).build());
            runWithoutTenant(() -> refreshTokens().revokeFamily(revoked.familyId(), T0.plusSeconds(50)));
            stored(aToken().issuedAt(T0.plusSeconds(20)).validFor(Duration.ofMinutes(1)).build());
            Account someoneElse = storedAccount();
            stored(aRefreshToken().of(someoneElse.id(), ownersTenant.id()).issuedAt(T0.plusSeconds(60)).build());

            assertThat(liveFamilies(owner, T0.plus(Duration.ofMinutes(5)))).extracting(RefreshFamily::id)
                    .containsExactly(newer.familyId(), older.familyId());
            assertThat(liveFamilies(storedAccount(), T0)).isEmpty();
        }

        @Test
        void a_token_added_to_a_revoked_family_is_revoked_with_it_and_cannot_be_rotated() {
            RefreshToken first = stored(aToken().build());
            runWithoutTenant(() -> refreshTokens().revokeFamily(first.familyId(), T0.plusSeconds(10)));

            RefreshToken late = stored(aToken().inFamily(first.familyId()).issuedAt(T0.plusSeconds(20)).build());

            assertThat(tokenWithHashOf(late)).get().extracting(RefreshToken::revokedAt)
                    .isEqualTo(T0.plusSeconds(10));
            assertThat(markRotated(late, T0.plusSeconds(30))).isFalse();
            assertThat(liveFamilies(owner, T0.plusSeconds(30))).isEmpty();
        }

        @Test
        void revoking_a_live_family_works_only_for_a_live_family_of_that_account() {
            RefreshToken mine = stored(aToken().build());
            RefreshToken expired = stored(aToken().validFor(Duration.ofMinutes(1)).build());
            Account someoneElse = storedAccount();
            RefreshToken theirs = stored(aRefreshToken().of(someoneElse.id(), ownersTenant.id()).build());
            Instant at = T0.plus(Duration.ofMinutes(5));

            assertThat(withoutTenant(() -> refreshTokens().revokeLiveFamily(owner.id(), theirs.familyId(), at)))
                    .as("another account's family").isFalse();
            assertThat(withoutTenant(() -> refreshTokens().revokeLiveFamily(owner.id(), expired.familyId(), at)))
                    .as("an expired family").isFalse();
            assertThat(withoutTenant(() -> refreshTokens().revokeLiveFamily(owner.id(), UUID.randomUUID(), at)))
                    .as("an unknown id").isFalse();
            assertThat(tokenWithHashOf(theirs)).get().extracting(RefreshToken::revokedAt).isNull();

            assertThat(withoutTenant(() -> refreshTokens().revokeLiveFamily(owner.id(), mine.familyId(), at)))
                    .isTrue();
            assertThat(tokenWithHashOf(mine)).get().extracting(RefreshToken::revokedAt).isEqualTo(at);
            assertThat(withoutTenant(() -> refreshTokens().revokeLiveFamily(owner.id(), mine.familyId(),
                    at.plusSeconds(1)))).as("already revoked").isFalse();
            assertThat(tokenWithHashOf(mine)).get().extracting(RefreshToken::revokedAt).isEqualTo(at);
        }

        @Test
        void revoking_every_family_but_one_answers_the_revoked_ids_and_spares_the_kept_one_and_other_accounts() {
            RefreshToken kept = stored(aToken().build());
            RefreshToken laptop = stored(aToken().build());
            RefreshToken phone = stored(aToken().build());
            RefreshToken alreadyRevoked = stored(aToken().build());
            runWithoutTenant(() -> refreshTokens().revokeFamily(alreadyRevoked.familyId(), T0.plusSeconds(1)));
            Account someoneElse = storedAccount();
            RefreshToken theirs = stored(aRefreshToken().of(someoneElse.id(), ownersTenant.id()).build());
            Instant at = T0.plus(Duration.ofMinutes(5));

            List<UUID> revoked = withoutTenant(() -> refreshTokens().revokeFamiliesExcept(owner.id(),
                    kept.familyId(), at));

            assertThat(revoked).containsExactlyInAnyOrder(laptop.familyId(), phone.familyId());
            assertThat(tokenWithHashOf(laptop)).get().extracting(RefreshToken::revokedAt).isEqualTo(at);
            assertThat(tokenWithHashOf(phone)).get().extracting(RefreshToken::revokedAt).isEqualTo(at);
            assertThat(tokenWithHashOf(alreadyRevoked)).get().extracting(RefreshToken::revokedAt)
                    .isEqualTo(T0.plusSeconds(1));
            assertThat(tokenWithHashOf(kept)).get().extracting(RefreshToken::revokedAt).isNull();
            assertThat(tokenWithHashOf(theirs)).get().extracting(RefreshToken::revokedAt).isNull();
            assertThat(liveFamilies(owner, at)).extracting(RefreshFamily::id).containsExactly(kept.familyId());
        }

        @Test
        void revoking_every_family_answers_the_revoked_ids_and_spares_other_accounts() {
            RefreshToken laptop = stored(aToken().build());
            RefreshToken phone = stored(aToken().build());
            Account someoneElse = storedAccount();
            RefreshToken theirs = stored(aRefreshToken().of(someoneElse.id(), ownersTenant.id()).build());
            Instant at = T0.plus(Duration.ofMinutes(5));

            List<UUID> revoked = withoutTenant(() -> refreshTokens().revokeAllFamilies(owner.id(), at));

            assertThat(revoked).containsExactlyInAnyOrder(laptop.familyId(), phone.familyId());
            assertThat(tokenWithHashOf(laptop)).get().extracting(RefreshToken::revokedAt).isEqualTo(at);
            assertThat(tokenWithHashOf(phone)).get().extracting(RefreshToken::revokedAt).isEqualTo(at);
            assertThat(tokenWithHashOf(theirs)).get().extracting(RefreshToken::revokedAt).isNull();
            assertThat(liveFamilies(owner, at)).isEmpty();
            assertThat(withoutTenant(() -> refreshTokens().revokeAllFamilies(owner.id(), at.plusSeconds(1))))
                    .as("nothing left to revoke").isEmpty();
        }

        @Test
        void of_concurrent_rotations_of_one_token_exactly_one_wins() throws Exception {
            RefreshToken token = stored(aToken().build());
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch ready = new CountDownLatch(threads);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Instant at = T0.plusSeconds(i + 1);
                    attempts.add(pool.submit(() -> {
                        ready.countDown();
                        if (!go.await(10, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the start signal never came");
                        }
                        return markRotated(token, at);
                    }));
                }
                assertThat(ready.await(10, TimeUnit.SECONDS)).as("all threads ready").isTrue();
                go.countDown();

                int winners = 0;
                for (Future<Boolean> attempt : attempts) {
                    winners += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(tokenWithHashOf(token)).get().extracting(RefreshToken::rotatedAt).isNotNull();
        }
    }

    /** Password-reset and verification tokens: global, found by purpose and hash, used once. */
    @Nested
    class AccountTokens {

        private AccountToken stored(AccountToken token) {
            runWithoutTenant(() -> accountTokens().add(token));
            return token;
        }

        private Optional<AccountToken> found(AccountToken token) {
            return withoutTenant(() -> accountTokens().find(token.purpose(), token.hash()));
        }

        @Test
        void a_reset_is_found_by_its_hash_with_every_field() {
            AccountToken reset = stored(AccountToken.passwordReset(UUID.randomUUID(), storedAccount(),
                    uniqueTokenHash(), Instant.parse("2026-12-07T10:15:30.123456Z"), Duration.ofMinutes(30)));

            assertThat(found(reset)).get().usingRecursiveComparison().isEqualTo(reset);
        }

        @Test
        void a_verification_is_bound_to_an_address_that_may_have_no_account_yet() {
            AccountToken verification = stored(AccountToken.emailVerification(UUID.randomUUID(),
                    new EmailAddress(uniqueEmail()), uniqueTokenHash(), T0, Duration.ofDays(7)));

            assertThat(found(verification)).get().usingRecursiveComparison().isEqualTo(verification);
        }

        @Test
        void a_token_is_not_found_under_another_purpose_or_hash() {
            AccountToken reset = stored(AccountToken.passwordReset(UUID.randomUUID(), storedAccount(),
                    uniqueTokenHash(), T0, Duration.ofMinutes(30)));

            assertThat(withoutTenant(() -> accountTokens().find(AccountToken.Purpose.EMAIL_VERIFICATION,
                    reset.hash()))).isEmpty();
            assertThat(withoutTenant(() -> accountTokens().find(AccountToken.Purpose.PASSWORD_RESET,
                    uniqueTokenHash()))).isEmpty();
        }

        @Test
        void a_token_is_used_once_and_a_second_use_loses() {
            AccountToken reset = stored(AccountToken.passwordReset(UUID.randomUUID(), storedAccount(),
                    uniqueTokenHash(), T0, Duration.ofMinutes(30)));

            assertThat(withoutTenant(() -> accountTokens().markUsed(reset.redeem(T0.plusSeconds(5))))).isTrue();
            assertThat(withoutTenant(() -> accountTokens().markUsed(reset.redeem(T0.plusSeconds(9))))).isFalse();

            assertThat(found(reset)).get().extracting(AccountToken::usedAt).isEqualTo(Optional.of(T0.plusSeconds(5)));
        }

        @Test
        void tokens_are_written_and_read_inside_tenant_units_too() {
            Tenant tenant = storedTenant();
            AccountToken verification = AccountToken.emailVerification(UUID.randomUUID(),
                    new EmailAddress(uniqueEmail()), uniqueTokenHash(), T0, Duration.ofDays(7));

            runInTenant(tenant.id(), () -> accountTokens().add(verification));

            assertThat(inTenant(storedTenant().id(), () -> accountTokens().find(verification.purpose(),
                    verification.hash()))).isPresent();
        }
    }

    /**
     * The audit log: append-only per tenant, searchable newest first. An entry of another tenant is
     * refused by the adapter or by row-level security.
     */
    @Nested
    class Audit {

        @Test
        void an_entry_of_the_units_tenant_is_recorded() {
            TenantId tenant = storedTenant().id();
            AuditEntry entry = anAuditEntry().inTenant(tenant).by(Optional.of(storedAccount().id()))
                    .occurredAt(Instant.parse("2026-11-25T16:00:00.000321Z")).build();

            assertThatCode(() -> runInTenant(tenant, () -> auditLog().record(entry))).doesNotThrowAnyException();
        }

        @Test
        void an_anonymous_entry_is_recorded() {
            TenantId tenant = storedTenant().id();
            AuditEntry entry = anAuditEntry().inTenant(tenant).ofAction("login.failed").by(Optional.empty()).build();

            assertThatCode(() -> runInTenant(tenant, () -> auditLog().record(entry))).doesNotThrowAnyException();
        }

        @Test
        void recording_an_entry_of_another_tenant_is_refused() {
            TenantId tenant = storedTenant().id();
            AuditEntry foreign = anAuditEntry().inTenant(storedTenant().id()).build();

            assertThatThrownBy(() -> runInTenant(tenant, () -> auditLog().record(foreign)))
                    .isInstanceOf(RuntimeException.class);
        }

        @Test
        void entries_are_read_back_newest_first_with_address_and_details() {
            TenantId tenant = storedTenant().id();
            AuditEntry older = anAuditEntry().inTenant(tenant).occurredAt(T0).build();
            AuditEntry newer = anAuditEntry().inTenant(tenant).ofAction("space.member_added")
                    .occurredAt(T0.plusSeconds(1)).build();
            runInTenant(tenant, () -> {
                auditLog().record(older);
                auditLog().record(newer);
            });

            assertThat(inTenant(tenant, () -> auditLog().search(AuditLog.Filter.none(), PageRequest.first(10))).items())
                    .containsExactly(newer, older);
        }

        @Test
        void filters_combine_and_pages_follow_the_keyset() {
            TenantId tenant = storedTenant().id();
            AccountId actor = storedAccount().id();
            List<AuditEntry> byActor = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                AuditEntry entry = anAuditEntry().inTenant(tenant).by(Optional.of(actor)).ofAction("post.deleted")
                        .occurredAt(T0.plusSeconds(i)).build();
                byActor.add(0, entry);
                runInTenant(tenant, () -> auditLog().record(entry));
            }
            runInTenant(tenant, () -> auditLog().record(anAuditEntry().inTenant(tenant).ofAction("post.deleted")
                    .by(Optional.empty()).occurredAt(T0.plusSeconds(2)).build()));
            runInTenant(tenant, () -> auditLog().record(anAuditEntry().inTenant(tenant).by(Optional.of(actor))
                    .ofAction("member.invited").occurredAt(T0.plusSeconds(2)).build()));
            AuditLog.Filter filter = new AuditLog.Filter(Optional.of("post.deleted"), Optional.of(actor),
                    Optional.of(T0.plusSeconds(1)), Optional.of(T0.plusSeconds(4)));

            Page<AuditEntry> first = inTenant(tenant, () -> auditLog().search(filter, PageRequest.first(2)));
            Page<AuditEntry> second = inTenant(tenant,
                    () -> auditLog().search(filter, PageRequest.first(2).after(first.next().orElseThrow())));

            assertThat(first.items()).containsExactly(byActor.get(1), byActor.get(2));
            assertThat(second.items()).containsExactly(byActor.get(3));
            assertThat(second.next()).isEmpty();
        }

        @Test
        void another_tenants_entries_are_never_listed() {
            TenantId tenant = storedTenant().id();
            TenantId other = storedTenant().id();
            runInTenant(other, () -> auditLog().record(anAuditEntry().inTenant(other).build()));

            assertThat(inTenant(tenant, () -> auditLog().search(AuditLog.Filter.none(), PageRequest.first(10))).items())
                    .isEmpty();
        }

        @Test
        void recording_in_a_unit_without_tenant_is_refused() {
            AuditEntry entry = anAuditEntry().inTenant(storedTenant().id()).build();

            assertThatThrownBy(() -> runWithoutTenant(() -> auditLog().record(entry)))
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
