package dev.coachkit.application.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.identity.port.out.BreachedPasswords;
import dev.coachkit.application.identity.port.out.BreachedPasswordsContract;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The list shipped in the jar: its size, its provenance, its normalization and how it is compared. */
class BundledBreachedPasswordsTest extends BreachedPasswordsContract {

    private final BundledBreachedPasswords list = BundledBreachedPasswords.instance();

    @Override
    protected BreachedPasswords breachedPasswords() {
        return list;
    }

    @Test
    void the_list_holds_at_least_10000_distinct_passwords() {
        assertThat(list.size()).isGreaterThanOrEqualTo(10_000).isEqualTo(30_000);
        assertThat(BundledBreachedPasswords.read().stream().filter(password -> password.length() >= 8).count())
                .as("passwords long enough to pass the length rule are still over 10,000")
                .isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void every_entry_is_lower_case_and_trimmed_and_comments_are_not_entries() {
        Set<String> passwords = BundledBreachedPasswords.read();

        assertThat(passwords).allSatisfy(password -> assertThat(password)
                .isNotEmpty().isEqualTo(password.strip().toLowerCase(Locale.ROOT)).doesNotStartWith("#"));
    }

    @Test
    void the_file_names_its_source_and_licence_and_a_notice_ships_beside_it() throws IOException {
        assertThat(resource(BundledBreachedPasswords.RESOURCE)).startsWith("# Common and breached passwords")
                .contains("zxcvbn 4.4.2", "MIT");
        assertThat(resource("common-passwords.NOTICE")).contains("zxcvbn 4.4.2", "Dan Wheeler and Dropbox, Inc.",
                "Permission is hereby granted, free of charge");
    }

    @Test
    void common_passwords_are_found_from_the_top_of_the_list_to_its_end() {
        assertThat(list.contains("123456")).as("the first entry").isTrue();
        assertThat(list.contains("trustno1")).isTrue();
        assertThat(list.contains("GeekBoy")).as("the last entry").isTrue();
    }

    @Test
    void passwords_used_by_the_tests_and_examples_are_not_on_it() {
        assertThat(list.contains("correct horse battery")).isFalse();
        assertThat(list.contains("correct horse battery staple")).isFalse();
        assertThat(list.contains("another good password")).isFalse();
        assertThat(list.contains("a strong passphrase, not on any list")).isFalse();
        assertThat(list.contains(null)).isFalse();
    }

    @Test
    void the_default_is_one_instance_shared_by_every_core() {
        assertThat(BundledBreachedPasswords.instance()).isSameAs(list);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BundledBreachedPasswords.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
