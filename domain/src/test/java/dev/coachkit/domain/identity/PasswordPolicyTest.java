package dev.coachkit.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.InvalidInputException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** NIST SP 800-63B screening: length, a list of known passwords, the owner's e-mail name; no composition rules. */
class PasswordPolicyTest {

    private static final Set<String> LIST = Set.of("password123", "iloveyou", "qwertyuiop");
    private static final Predicate<String> LISTED = password -> LIST.contains(password.strip().toLowerCase(Locale.ROOT));
    private static final EmailAddress ANN = new EmailAddress("ann.coach@club.test");

    private static void assertRefused(String password, EmailAddress email, String reason) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, email, LISTED))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).field()).isEqualTo("password");
                    assertThat(e.errors().get(0).message()).isEqualTo(reason);
                });
    }

    @Test
    void a_long_uncommon_password_without_the_email_name_is_accepted_as_it_is() {
        assertThat(PasswordPolicy.check("correct horse battery", ANN, LISTED)).isEqualTo("correct horse battery");
        assertThat(PasswordPolicy.check("lowercase only words", ANN, LISTED)).as("no composition rules").isNotNull();
    }

    @Test
    void shorter_than_8_or_longer_than_128_characters_is_refused_counting_code_points() {
        assertRefused("seven77", ANN, "must be 8 to 128 characters");
        assertRefused(null, ANN, "must be 8 to 128 characters");
        assertRefused("x".repeat(129), ANN, "must be 8 to 128 characters");
        assertThat(PasswordPolicy.check("x".repeat(128), ANN, LISTED)).hasSize(128);
        assertThat(PasswordPolicy.check("👋".repeat(8), ANN, LISTED)).as("8 emoji are 8 characters").isNotNull();
    }

    @Test
    void a_password_on_the_list_is_refused_as_too_common_whatever_its_case() {
        assertRefused("password123", ANN, "is too common: it is on a list of common and breached passwords");
        assertRefused("PassWord123", ANN, "is too common: it is on a list of common and breached passwords");
        assertRefused(" iloveyou ", ANN, "is too common: it is on a list of common and breached passwords");
    }

    @Test
    void a_password_containing_the_emails_name_is_refused_whatever_its_case() {
        String reason = "must not contain your e-mail's name (the part before the @)";
        assertRefused("ann.coach2024", ANN, reason);
        assertRefused("my ANN.Coach secret", ANN, reason);
        assertThat(PasswordPolicy.check("anncoach is fine-ish", ANN, LISTED))
                .as("only the name as written is screened for").isNotNull();
    }

    @Test
    void the_part_before_a_plus_of_a_sub_address_is_screened_for_too() {
        EmailAddress subAddressed = new EmailAddress("olga+club@club.test");

        assertRefused("olga+club forever", subAddressed, "must not contain your e-mail's name (the part before the @)");
        assertRefused("olga forever 2026", subAddressed, "must not contain your e-mail's name (the part before the @)");
    }

    @Test
    void names_shorter_than_3_characters_are_not_screened_for_or_they_would_refuse_almost_everything() {
        assertThat(PasswordPolicy.MIN_EMAIL_NAME_LENGTH).isEqualTo(3);
        assertThat(PasswordPolicy.check("a long passphrase", new EmailAddress("a@x.io"), LISTED)).isNotNull();
        assertThat(PasswordPolicy.check("bob and bo went out", new EmailAddress("bo@x.io"), LISTED)).isNotNull();
        assertRefused("i am bob, really", new EmailAddress("bob@x.io"),
                "must not contain your e-mail's name (the part before the @)");
    }

    @Test
    void the_rule_splits_in_two_halves_for_a_flow_that_learns_the_email_late() {
        assertThat(PasswordPolicy.checkEmailName("password123", ANN)).as("the list is the other half").isNotNull();
        assertThatThrownBy(() -> PasswordPolicy.checkEmailName("ann.coach2024", ANN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("e-mail's name");
        assertThat(PasswordPolicy.checkWithoutEmail("ann.coach2024", LISTED)).isEqualTo("ann.coach2024");
        assertThatThrownBy(() -> PasswordPolicy.checkWithoutEmail("Password123", LISTED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("too common");
        assertThatThrownBy(() -> PasswordPolicy.checkWithoutEmail("short", LISTED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("8 to 128");
    }

    @Test
    void a_password_breaking_several_rules_is_refused_for_the_first_length_then_list_then_name() {
        assertRefused("ann.c", new EmailAddress("ann.c@club.test"), "must be 8 to 128 characters");
        assertRefused("iloveyou", new EmailAddress("iloveyou@club.test"),
                "is too common: it is on a list of common and breached passwords");
    }
}
