package dev.coachkit.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.admin.port.in.EraseMemberUseCase;
import dev.coachkit.application.audit.port.in.SearchAuditTrailUseCase;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase.Caller;
import dev.coachkit.application.identity.port.in.ChangePasswordUseCase;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.ListSignedInDevicesUseCase.SignedInDevice;
import dev.coachkit.application.identity.port.in.LoginUseCase;
import dev.coachkit.application.identity.port.in.LogoutUseCase;
import dev.coachkit.application.identity.port.in.RefreshSessionUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.identity.port.in.SignOutDeviceUseCase;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TooManyRequestsException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signed-in devices and password change (issue 20), specified on the in-memory adapters. */
class IdentitySessionsUseCasesTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "a longer and better passphrase";
    private static final Optional<String> LAPTOP_IP = Optional.of("203.0.113.7");
    private static final Optional<String> LAPTOP = Optional.of("Mozilla/5.0 (Macintosh) Safari/605.1.15");
    private static final Optional<String> PHONE_IP = Optional.of("198.51.100.20");
    private static final Optional<String> PHONE = Optional.of("CoachKit/3.2 (iPhone; iOS 18.1)");

    private final TickingClock clock = new TickingClock();
    private final CoachKit core = CoachKit.builder().clock(clock).withInMemoryAdapters().build();
    private final IdentityModule identity = core.identity();

    @Test
    void each_sign_in_is_a_device_listed_with_its_address_and_user_agent_newest_use_first() {
        AuthResult laptop = register("ann@club.test");
        AuthResult phone = login("ann@club.test", PASSWORD, PHONE_IP, PHONE);

        List<SignedInDevice> seenFromPhone = devices(phone);

        assertThat(seenFromPhone).hasSize(2);
        assertThat(seenFromPhone.get(0)).satisfies(device -> {
            assertThat(device.id()).isEqualTo(caller(phone).sessionId());
            assertThat(device.ip()).isEqualTo(PHONE_IP);
            assertThat(device.userAgent()).isEqualTo(PHONE);
            assertThat(device.current()).isTrue();
            assertThat(device.lastUsedAt()).isEqualTo(device.createdAt());
        });
        assertThat(seenFromPhone.get(1)).satisfies(device -> {
            assertThat(device.id()).isEqualTo(caller(laptop).sessionId());
            assertThat(device.ip()).isEqualTo(LAPTOP_IP);
            assertThat(device.userAgent()).isEqualTo(LAPTOP);
            assertThat(device.current()).isFalse();
        });
        assertThat(devices(laptop)).filteredOn(SignedInDevice::current).singleElement()
                .extracting(SignedInDevice::id).isEqualTo(caller(laptop).sessionId());
    }

    @Test
    void a_refresh_marks_the_device_used_now_from_where_it_came_and_keeps_its_id_and_start() {
        AuthResult laptop = register("ann@club.test");
        AuthResult phone = login("ann@club.test", PASSWORD, PHONE_IP, PHONE);
        SignedInDevice before = deviceOf(phone, caller(laptop).sessionId());

        AuthResult refreshed = identity.refresh().refresh(new RefreshSessionUseCase.Command(laptop.refreshToken(),
                Optional.of("192.0.2.44"), Optional.of("Mozilla/5.0 (Macintosh) Safari/606.1")));

        assertThat(caller(refreshed).sessionId()).isEqualTo(before.id());
        List<SignedInDevice> after = devices(phone);
        assertThat(after.get(0)).satisfies(device -> {
            assertThat(device.id()).as("the laptop, used last now").isEqualTo(before.id());
            assertThat(device.createdAt()).isEqualTo(before.createdAt());
            assertThat(device.lastUsedAt()).isAfter(before.lastUsedAt());
            assertThat(device.ip()).contains("192.0.2.44");
            assertThat(device.userAgent()).contains("Mozilla/5.0 (Macintosh) Safari/606.1");
        });
    }

    @Test
    void a_session_that_ended_is_no_device_any_more() {
        AuthResult laptop = register("ann@club.test");
        AuthResult loggedOut = login("ann@club.test", PASSWORD, PHONE_IP, PHONE);
        AuthResult reused = login("ann@club.test", PASSWORD, PHONE_IP, PHONE);
        identity.logout().logout(new LogoutUseCase.Command(caller(loggedOut), loggedOut.refreshToken(), PHONE_IP));
        identity.refresh().refresh(new RefreshSessionUseCase.Command(reused.refreshToken(), PHONE_IP));
        catchThrowable(() -> identity.refresh().refresh(new RefreshSessionUseCase.Command(reused.refreshToken(),
                PHONE_IP)));

        assertThat(devices(laptop)).extracting(SignedInDevice::id).containsExactly(caller(laptop).sessionId());
    }

    @Test
    void devices_of_every_tenant_of_the_account_are_listed() {
        AuthResult ann = register("ann@club.test");
        AuthResult bo = register("bo@other.test");
        String token = identity.invite().invite(new InviteMemberUseCase.Command(caller(bo).actor(), bo.tenant().id(),
                "ann@club.test", Role.COACH, LAPTOP_IP)).acceptToken();
        AuthResult inOtherTenant = identity.acceptInvitation().accept(new AcceptInvitationUseCase.Command(token,
                Optional.of(caller(ann)), Optional.empty(), PHONE_IP, PHONE));

        assertThat(devices(ann)).extracting(SignedInDevice::id)
                .containsExactlyInAnyOrder(caller(ann).sessionId(), caller(inOtherTenant).sessionId());
        assertThat(deviceOf(ann, caller(inOtherTenant).sessionId()).userAgent()).isEqualTo(PHONE);
    }

    @Test
    void signing_a_device_out_ends_its_refresh_and_access_tokens_and_nothing_else() {
        AuthResult laptop = register("ann@club.test");
        AuthResult phone = login("ann@club.test", PASSWORD, PHONE_IP, PHONE);
        Caller laptopCaller = caller(laptop);
        UUID phoneSession = caller(phone).sessionId();

        signOut(laptop, phoneSession);

        assertThatThrownBy(() -> caller(phone)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> identity.refresh().refresh(new RefreshSessionUseCase.Command(phone.refreshToken(),
                PHONE_IP))).isInstanceOf(AuthenticationException.class);
        assertThat(caller(laptop)).isEqualTo(laptopCaller);
        assertThatCode(() -> identity.refresh().refresh(new RefreshSessionUseCase.Command(laptop.refreshToken(),
                LAPTOP_IP))).doesNotThrowAnyException();
        assertThat(devices(laptop)).extracting(SignedInDevice::id).containsExactly(laptopCaller.sessionId());
        assertThat(audited(laptop, "account.session_signed_out")).singleElement().satisfies(entry -> {
            assertThat(entry.targetType()).isEqualTo("session");
            assertThat(entry.targetId()).isEqualTo(phoneSession.toString());
            assertThat(entry.actorId()).contains(laptopCaller.actor().accountId());
            assertThat(entry.details()).containsEntry("current", false);
        });
    }

    @Test
    void only_a_live_device_of_the_callers_own_account_can_be_signed_out_and_others_are_not_found() {
        AuthResult ann = register("ann@club.test");
        AuthResult bo = register("bo@other.test");
        UUID annElsewhere = caller(login("ann@club.test", PASSWORD, PHONE_IP, PHONE)).sessionId();
        signOut(ann, annElsewhere);

        assertThatThrownBy(() -> signOut(ann, caller(bo).sessionId())).as("another account's session")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> signOut(ann, annElsewhere)).as("a session already signed out")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> signOut(ann, UUID.randomUUID())).as("an unknown id")
                .isInstanceOf(NotFoundException.class);
        assertThat(caller(bo).actor().accountId()).as("Bo's session goes on").isEqualTo(bo.user().id());
    }

    @Test
    void signing_out_the_current_device_signs_the_caller_out() {
        AuthResult laptop = register("ann@club.test");

        signOut(laptop, caller(laptop).sessionId());

        assertThatThrownBy(() -> caller(laptop)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void a_password_change_signs_every_other_device_out_and_the_caller_goes_on() {
        AuthResult laptop = register("ann@club.test");
        AuthResult phone = login("ann@club.test", PASSWORD, PHONE_IP, PHONE);
        AuthResult tablet = login("ann@club.test", PASSWORD, PHONE_IP, Optional.of("Tablet"));

        changePassword(laptop, PASSWORD, NEW_PASSWORD);

        for (AuthResult other : List.of(phone, tablet)) {
            assertThatThrownBy(() -> caller(other)).isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> identity.refresh().refresh(new RefreshSessionUseCase.Command(
                    other.refreshToken(), PHONE_IP))).isInstanceOf(AuthenticationException.class);
        }
        assertThat(caller(laptop).actor().accountId()).isEqualTo(laptop.user().id());
        AuthResult refreshed = identity.refresh().refresh(new RefreshSessionUseCase.Command(laptop.refreshToken(),
                LAPTOP_IP));
        assertThat(caller(refreshed).sessionId()).isEqualTo(caller(laptop).sessionId());
        assertThatThrownBy(() -> login("ann@club.test", PASSWORD, PHONE_IP, PHONE))
                .as("the old password").isInstanceOf(AuthenticationException.class);
        assertThatCode(() -> login("ann@club.test", NEW_PASSWORD, PHONE_IP, PHONE)).doesNotThrowAnyException();
        assertThat(audited(laptop, "account.password_changed")).singleElement().satisfies(entry -> {
            assertThat(entry.targetId()).isEqualTo(laptop.user().id().toString());
            assertThat(entry.clientIp()).isEqualTo(LAPTOP_IP);
            assertThat(entry.details()).containsEntry("sessionsSignedOut", 2);
        });
    }

    @Test
    void a_wrong_current_password_names_the_field_and_changes_nothing() {
        AuthResult laptop = register("ann@club.test");
        AuthResult phone = login("ann@club.test", PASSWORD, PHONE_IP, PHONE);

        assertThatThrownBy(() -> changePassword(laptop, "not my password", NEW_PASSWORD))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("currentPassword"));
        assertThatThrownBy(() -> changePassword(laptop, null, NEW_PASSWORD))
                .isInstanceOf(InvalidInputException.class);

        assertThat(caller(phone).actor().accountId()).isEqualTo(phone.user().id());
        assertThatCode(() -> login("ann@club.test", PASSWORD, PHONE_IP, PHONE)).doesNotThrowAnyException();
        assertThat(audited(laptop, "account.password_changed")).isEmpty();
    }

    @Test
    void a_new_password_that_breaks_the_rules_names_the_password_field_as_every_flow_does() {
        AuthResult laptop = register("ann@club.test");

        assertThatThrownBy(() -> changePassword(laptop, PASSWORD, "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("password"));
        assertThatThrownBy(() -> changePassword(laptop, PASSWORD, "password123"))
                .as("a common password").isInstanceOfSatisfying(InvalidInputException.class, invalid ->
                        assertThat(invalid.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("password");
                            assertThat(error.message()).contains("too common");
                        }));
        assertThatThrownBy(() -> changePassword(laptop, PASSWORD, "annette-rows-far"))
                .as("the e-mail's name").isInstanceOf(InvalidInputException.class);
        assertThatCode(() -> login("ann@club.test", PASSWORD, PHONE_IP, PHONE)).doesNotThrowAnyException();
    }

    @Test
    void guesses_at_the_current_password_are_limited_with_the_accounts_sign_in_attempts() {
        AuthResult laptop = register("ann@club.test");

        Throwable last = null;
        for (int attempt = 0; attempt < 20 && !(last instanceof TooManyRequestsException); attempt++) {
            last = catchThrowable(() -> changePassword(laptop, "guess " + System.nanoTime(), NEW_PASSWORD));
        }

        assertThat(last).isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> login("ann@club.test", PASSWORD, PHONE_IP, PHONE))
                .as("sign-ins share the account's allowance").isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> changePassword(laptop, PASSWORD, NEW_PASSWORD))
                .as("even the right password waits").isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void erasing_a_member_forgets_their_devices_in_that_organization_and_no_other() {
        AuthResult admin = register("ann@club.test");
        AuthResult bo = register("bo@other.test");
        String token = identity.invite().invite(new InviteMemberUseCase.Command(caller(admin).actor(),
                admin.tenant().id(), "bo@other.test", Role.ATHLETE, LAPTOP_IP)).acceptToken();
        AuthResult boHere = identity.acceptInvitation().accept(new AcceptInvitationUseCase.Command(token,
                Optional.of(caller(bo)), Optional.empty(), PHONE_IP, PHONE));
        UUID boHereSession = caller(boHere).sessionId();

        core.admin().eraseMember().erase(new EraseMemberUseCase.Command(caller(admin).actor(), bo.user().id(),
                LAPTOP_IP));

        assertThat(devices(bo)).extracting(SignedInDevice::id).as("Bo's session in his own organization")
                .containsExactly(caller(bo).sessionId()).doesNotContain(boHereSession);
        assertThatThrownBy(() -> identity.refresh().refresh(new RefreshSessionUseCase.Command(boHere.refreshToken(),
                PHONE_IP))).isInstanceOf(AuthenticationException.class);
    }

    private AuthResult register(String email) {
        return identity.register().register(new RegisterAccountUseCase.Command(email, PASSWORD, "Ann", "Coach",
                "Club " + email, LAPTOP_IP, LAPTOP));
    }

    private AuthResult login(String email, String password, Optional<String> ip, Optional<String> userAgent) {
        return identity.login().login(new LoginUseCase.Command(email, password, Optional.empty(), ip, userAgent));
    }

    private Caller caller(AuthResult session) {
        return identity.authenticate().authenticate(session.accessToken());
    }

    private List<SignedInDevice> devices(AuthResult session) {
        return identity.devices().devices(caller(session));
    }

    private SignedInDevice deviceOf(AuthResult session, UUID id) {
        return devices(session).stream().filter(device -> device.id().equals(id)).findFirst().orElseThrow();
    }

    private void signOut(AuthResult session, UUID device) {
        identity.signOutDevice().signOut(new SignOutDeviceUseCase.Command(caller(session), device, LAPTOP_IP));
    }

    private void changePassword(AuthResult session, String current, String next) {
        identity.changePassword().changePassword(new ChangePasswordUseCase.Command(caller(session), current, next,
                LAPTOP_IP));
    }

    private List<AuditEntry> audited(AuthResult admin, String action) {
        return core.admin().auditTrail().search(new SearchAuditTrailUseCase.Query(caller(admin).actor(),
                new SearchAuditTrailUseCase.Filter(Optional.of(action), Optional.empty(), Optional.empty(),
                        Optional.empty()), PageRequest.first(10))).items();
    }
}
