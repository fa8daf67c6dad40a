package dev.coachkit.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** A small well-formed hexagon ({@code fixtures.good.hexagon}) keeps every rule: the rules are not too strict. */
class GoodFixtureTest {

    private static final String ROOT = "fixtures.good.hexagon";

    private final ArchitectureRules rules = ArchitectureRules.forRoot(ROOT);
    private final JavaClasses classes = new ClassFileImporter().importPackages(ROOT);

    @Test
    void well_formed_hexagon_keeps_every_rule() {
        for (ArchRule rule : rules.all()) {
            rule.check(classes);
        }
    }

    @Test
    void event_rule_holds_with_no_event_type_yet_and_fails_without_the_event_interface() {
        rules.eventTypesAreDomainRecords().check(new ClassFileImporter().importPackages(ROOT + ".domain.shared"));
        assertThatThrownBy(() -> rules.eventTypesAreDomainRecords()
                .check(new ClassFileImporter().importPackages(ROOT + ".application")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void cycle_inside_generated_jooq_code_is_tolerated() {
        rules.noPackageCycles().check(classes);
    }

    @Test
    void generated_jooq_cycle_is_real_and_only_tolerated_by_counting_jooq_as_one_package() {
        assertThatThrownBy(() -> slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Keys")
                .hasMessageContaining("Sessions");
    }

    @Test
    void well_formed_hexagon_has_classes_in_every_required_package() {
        assertThat(rules.emptyRequiredPackages(classes)).isEmpty();
        assertThat(rules.missingRequiredTypes(classes)).isEmpty();
    }
}
