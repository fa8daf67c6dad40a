package dev.coachkit.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.audit.port.in.SearchAuditTrailUseCase;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase.Caller;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.ListMembersUseCase;
import dev.coachkit.application.identity.port.in.LoginUseCase;
import dev.coachkit.application.identity.port.in.RefreshSessionUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.identity.port.in.RequestPasswordResetUseCase;
import dev.coachkit.application.identity.port.in.ResetPasswordUseCase;
import dev.coachkit.application.identity.port.in.VerifyEmailUseCase;
import dev.coachkit.application.memory.InMemoryMailer;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.identity.AccountToken;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TooManyRequestsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Password reset and e-mail verification (issue 20), specified on the in-memory adapters. */
class AccountRecoveryUseCasesTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "a longer and better passphrase";
    private static final Optional<String> IP = Optional.of("203.0.113.7");
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private final TickingClock clock = new TickingClock();
    private final InMemoryMailer mailer = new InMemoryMailer();
    private final List<Runnable> afterAnswer = new ArrayList<>();
    private final CoachKit core = CoachKit.builder().clock(clock).mailer(mailer).afterAnswer(afterAnswer::add)
            .appUrl("https://app.club.test/").withInMemoryAdapters().build();
    private final IdentityModule identity = core.identity();

    @Test
    void a_reset_link_is_mailed_after_the_answer_and_only_for_an_existing_account() {
        register("ann@club.test");
        runAfterAnswer();
        int before = mailer.sent().size();

        requestReset("ann@club.test");
        requestReset("nobody@club.test");

        assertThat(mailer.sent()).as("nothing is looked up before the answer").hasSize(before);
        assertThat(afterAnswer).as("each request leaves the same work for after the answer").hasSize(2);
        runAfterAnswer();
        List<Mailer.Email> mails = mailer.sent().subList(before, mailer.sent().size());
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("ann@club.test");
            assertThat(mail.body()).contains("https://app.club.test/reset-password?token=");
        });
    }

    @Test
    void a_reset_sets_the_password_signs_every_session_out_verifies_the_email_and_is_audited() {
        AuthResult laptop = register("ann@club.test");
        AuthResult phone = login("ann@club.test", PASSWORD);

        resetPassword(resetToken("ann@club.test"), NEW_PASSWORD);

        for (AuthResult session : List.of(laptop, phone)) {
            assertThatThrownBy(() -> identity.authenticate().authenticate(session.accessToken()))
                    .isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> identity.refresh().refresh(new RefreshSessionUseCase.Command(
                    session.refreshToken(), IP))).isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> login("ann@club.test", PASSWORD)).isInstanceOf(AuthenticationException.class);
        AuthResult signedIn = login("ann@club.test", NEW_PASSWORD);
        assertThat(signedIn.user().emailVerified()).isTrue();
        assertThat(audited(signedIn, "account.password_reset_requested")).hasSize(1);
        assertThat(audited(signedIn, "account.password_reset_completed")).singleElement()
                .satisfies(entry -> assertThat(entry.details()).containsEntry("sessionsSignedOut", 2));
    }

    @Test
    void a_reset_token_works_once_and_not_after_thirty_minutes() {
        register("ann@club.test");
        String used = resetToken("ann@club.test");
        resetPassword(used, NEW_PASSWORD);
        String expired = resetToken("ann@club.test");
        clock.advance(Duration.ofMinutes(30));

        assertThatThrownBy(() -> resetPassword(used, "yet another passphrase")).satisfies(this::refusesToken);
        assertThatThrownBy(() -> resetPassword(expired, "yet another passphrase")).satisfies(this::refusesToken);
        assertThatThrownBy(() -> resetPassword("not-a-token", "yet another passphrase"))
                .satisfies(this::refusesToken);
        assertThatCode(() -> login("ann@club.test", NEW_PASSWORD)).doesNotThrowAnyException();
    }

    @Test
    void a_weak_new_password_is_refused_on_new_password_and_leaves_the_token_usable() {
        register("ann@club.test");
        String token = resetToken("ann@club.test");

        assertThatThrownBy(() -> resetPassword(token, "password123")).isInstanceOfSatisfying(
                InvalidInputException.class, invalid -> assertThat(invalid.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("password"));

        assertThatCode(() -> resetPassword(token, NEW_PASSWORD)).doesNotThrowAnyException();
    }

    @Test
    void reset_requests_are_limited_per_email_whether_or_not_it_has_an_account() {
        for (int i = 0; i < IdentitySettings.defaults().passwordResetsPerEmail().capacity(); i++) {
            identity.requestPasswordReset().requestReset(new RequestPasswordResetUseCase.Command("nobody@club.test",
                    Optional.of("198.51.100." + i)));
        }

        assertThatThrownBy(() -> identity.requestPasswordReset().requestReset(new RequestPasswordResetUseCase.Command(
                "NOBODY@club.test", Optional.of("192.0.2.1")))).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void reset_requests_are_limited_per_client_address() {
        for (int i = 0; i < IdentitySettings.defaults().passwordResetsPerAddress().capacity(); i++) {
            requestReset("someone" + i + "@club.test");
        }

        assertThatThrownBy(() -> requestReset("another@club.test")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void the_registration_mail_verifies_the_address_once() {
        AuthResult ann = register("ann@club.test");
        assertThat(ann.user().emailVerified()).isFalse();
        String token = lastToken("ann@club.test", "/verify-email");

        verify(token);

        AuthResult signedIn = login("ann@club.test", PASSWORD);
        assertThat(signedIn.user().emailVerified()).isTrue();
        assertThat(audited(signedIn, "account.email_verified")).hasSize(1);
        assertThatThrownBy(() -> verify(token)).satisfies(this::refusesToken);
    }

    @Test
    void the_invitation_mail_verifies_the_account_that_accepts_it_and_admins_see_the_flag() {
        AuthResult admin = register("ann@club.test");
        InviteMemberUseCase.IssuedInvitation invitation = identity.invite().invite(new InviteMemberUseCase.Command(
                caller(admin).actor(), admin.tenant().id(), "bo@club.test", Role.COACH, IP));
        core.events().drain();
        String token = lastToken("bo@club.test", "/verify-email");
        assertThatThrownBy(() -> verify(token)).as("nobody has the address yet").satisfies(this::refusesToken);
        AuthResult bo = identity.acceptInvitation().accept(new AcceptInvitationUseCase.Command(
                invitation.acceptToken(), Optional.empty(), Optional.of(new AcceptInvitationUseCase.NewAccount(
                        PASSWORD, "Bo", "Athlete")), IP, Optional.empty()));

        verify(token);

        assertThat(members(admin)).extracting(ListMembersUseCase.Member::emailVerified)
                .containsExactly(Optional.of(false), Optional.of(true));
        assertThat(members(bo)).extracting(ListMembersUseCase.Member::emailVerified)
                .as("a COACH does not see it").containsOnly(Optional.empty());
    }

    private void refusesToken(Throwable refused) {
        assertThat(refused).isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.errors())
                .containsExactly(new InvalidInputException.FieldError("token", AccountToken.UNUSABLE)));
    }

    private AuthResult register(String email) {
        return identity.register().register(new RegisterAccountUseCase.Command(email, PASSWORD, "Ann", "Coach",
                "Club " + email, IP));
    }

    private AuthResult login(String email, String password) {
        return identity.login().login(new LoginUseCase.Command(email, password, Optional.empty(), IP,
                Optional.empty()));
    }

    private Caller caller(AuthResult session) {
        return identity.authenticate().authenticate(session.accessToken());
    }

    private void requestReset(String email) {
        identity.requestPasswordReset().requestReset(new RequestPasswordResetUseCase.Command(email, IP));
    }

    private String resetToken(String email) {
        requestReset(email);
        return lastToken(email, "/reset-password");
    }

    private void resetPassword(String token, String password) {
        identity.resetPassword().resetPassword(new ResetPasswordUseCase.Command(token, password, IP));
    }

    private void verify(String token) {
        identity.verifyEmail().verifyEmail(new VerifyEmailUseCase.Command(token, IP));
    }

    private void runAfterAnswer() {
        List<Runnable> due = List.copyOf(afterAnswer);
        afterAnswer.clear();
        due.forEach(Runnable::run);
    }

    /** The token of the newest link to {@code path} mailed to {@code email}. */
    private String lastToken(String email, String path) {
        runAfterAnswer();
        String body = mailer.sent().stream().filter(mail -> mail.to().equals(email) && mail.body().contains(path))
                .reduce((first, second) -> second).orElseThrow().body();
        Matcher matcher = TOKEN.matcher(body.substring(body.indexOf(path)));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private List<ListMembersUseCase.Member> members(AuthResult session) {
        return identity.members().members(new ListMembersUseCase.Query(caller(session).actor(), session.tenant().id(),
                PageRequest.first(10))).items();
    }

    private List<AuditEntry> audited(AuthResult admin, String action) {
        return core.admin().auditTrail().search(new SearchAuditTrailUseCase.Query(caller(admin).actor(),
                new SearchAuditTrailUseCase.Filter(Optional.of(action), Optional.empty(), Optional.empty(),
                        Optional.empty()), PageRequest.first(10))).items();
    }
}
