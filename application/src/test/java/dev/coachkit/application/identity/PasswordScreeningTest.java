package dev.coachkit.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.LoginUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.memory.InMemoryPasswordHasher;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.Role;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every flow that sets a password screens it (NIST SP 800-63B): registration and invitation acceptance
 * refuse a password on the bundled list of common and breached passwords or containing the name of the
 * account's e-mail, with a 400-style error on field {@code password} that says why.
 */
class PasswordScreeningTest {

    private static final Optional<String> IP = Optional.of("203.0.113.7");
    private static final String TOO_COMMON = "is too common: it is on a list of common and breached passwords";
    private static final String CONTAINS_NAME = "must not contain your e-mail's name (the part before the @)";

    private final Set<String> hashed = ConcurrentHashMap.newKeySet();
    private final InMemoryPasswordHasher memoryHasher = new InMemoryPasswordHasher();
    private final CoachKit core = CoachKit.builder().clock(new TickingClock())
            .passwordHasher(new CountingHasher()).withInMemoryAdapters().build();
    private final IdentityModule identity = core.identity();

    private AuthResult register(String email, String password) {
        return identity.register().register(new RegisterAccountUseCase.Command(email, password, "Ann", "Coach",
                "Club " + email, IP));
    }

    private AuthResult accept(String token, String password) {
        return identity.acceptInvitation().accept(new AcceptInvitationUseCase.Command(token, Optional.empty(),
                Optional.of(new AcceptInvitationUseCase.NewAccount(password, "Bo", "Rower")), IP));
    }

    private InviteMemberUseCase.IssuedInvitation invite(AuthResult admin, String email) {
        return identity.invite().invite(new InviteMemberUseCase.Command(
                identity.authenticate().authenticate(admin.accessToken()).actor(), admin.tenant().id(), email,
                Role.ATHLETE, IP));
    }

    private static void assertRefused(ThrowingCallable setting, String reason) {
        assertThatThrownBy(setting).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).field()).isEqualTo("password");
            assertThat(e.errors().get(0).message()).isEqualTo(reason);
        });
    }

    @Test
    void registering_with_a_common_password_is_refused_as_too_common_and_creates_nothing() {
        assertRefused(() -> register("ann@club.test", "password123"), TOO_COMMON);
        assertRefused(() -> register("ann@club.test", "Password123"), TOO_COMMON);
        assertRefused(() -> register("ann@club.test", "iloveyou"), TOO_COMMON);

        assertThat(hashed).as("a refused password is never hashed")
                .doesNotContain("password123", "Password123", "iloveyou");
        assertThat(register("ann@club.test", "correct horse battery").role())
                .as("the e-mail is still free").isEqualTo(Role.ADMIN);
    }

    @Test
    void registering_with_a_password_containing_the_emails_name_is_refused() {
        assertRefused(() -> register("olga.petrova@club.test", "Olga.Petrova-1987!"), CONTAINS_NAME);
        assertRefused(() -> register("rower@club.test", "I am a rower, trust me"), CONTAINS_NAME);
    }

    @Test
    void a_strong_password_is_accepted_and_signs_in() {
        register("olga.petrova@club.test", "violet kayak at dawn");

        AuthResult session = identity.login().login(new LoginUseCase.Command("olga.petrova@club.test",
                "violet kayak at dawn", Optional.empty(), IP));

        assertThat(session.role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void an_email_name_of_one_or_two_characters_is_not_screened_for() {
        assertThat(register("a@x.io", "a long passphrase here").role()).isEqualTo(Role.ADMIN);
        assertThat(register("bo@x.io", "bo rows on the lake").role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void accepting_an_invitation_with_a_common_password_is_refused_before_hashing_and_the_invitation_stays_open() {
        AuthResult admin = register("ann@club.test", "correct horse battery");
        var invitation = invite(admin, "bo.rower@club.test");

        assertRefused(() -> accept(invitation.acceptToken(), "qwertyuiop"), TOO_COMMON);

        assertThat(hashed).as("no hash for a listed password").doesNotContain("qwertyuiop");
        assertThat(accept(invitation.acceptToken(), "another good password").role()).isEqualTo(Role.ATHLETE);
    }

    @Test
    void accepting_an_invitation_with_a_password_containing_the_invited_emails_name_is_refused() {
        AuthResult admin = register("ann@club.test", "correct horse battery");
        var invitation = invite(admin, "bo.rower@club.test");

        assertRefused(() -> accept(invitation.acceptToken(), "BO.ROWER on the river"), CONTAINS_NAME);

        assertThat(accept(invitation.acceptToken(), "another good password").role())
                .as("nothing was stored: the invitation is still open").isEqualTo(Role.ATHLETE);
    }

    @Test
    void an_unknown_invitation_token_is_not_found_before_the_password_is_looked_at() {
        assertThatThrownBy(() -> accept("no-such-token", "password123")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_host_may_give_its_own_list() {
        CoachKit strict = CoachKit.builder().clock(new TickingClock())
                .breachedPasswords(password -> password.toLowerCase().contains("horse")).withInMemoryAdapters().build();

        assertRefused(() -> strict.identity().register().register(new RegisterAccountUseCase.Command("ann@club.test",
                "correct horse battery", "Ann", "Coach", "Club", IP)), TOO_COMMON);
        assertThat(strict.identity().register().register(new RegisterAccountUseCase.Command("ann@club.test",
                "password123", "Ann", "Coach", "Club", IP)).role())
                .as("the host's list replaces the bundled one").isEqualTo(Role.ADMIN);
    }

    /** Remembers what it hashed (in a test only), so a refused password is seen not to cost a hash. */
    private final class CountingHasher implements PasswordHasher {
        @Override
        public String hash(String rawPassword) {
            hashed.add(rawPassword);
            return memoryHasher.hash(rawPassword);
        }

        @Override
        public boolean matches(String rawPassword, String storedHash) {
            return memoryHasher.matches(rawPassword, storedHash);
        }

        @Override
        public boolean needsRehash(String storedHash) {
            return memoryHasher.needsRehash(storedHash);
        }
    }
}
