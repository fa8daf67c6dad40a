package dev.coachkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each rule rejects a deliberately bad fixture (under {@code fixtures.bad.<case>}) for the right reason. */
class BadFixturesTest {

    /** ArchUnit's message when a rule checked nothing: a bad fixture must fail for a violation, not for this. */
    private static final String VACUOUS = "failed to check any classes";

    @Test
    void domain_using_a_library_type_is_rejected() {
        assertRejected("domainframework", ArchitectureRules::domainDependsOnlyOnTheJdk,
                "BadAggregate", "com.tngtech.archunit.core.domain.JavaClass");
    }

    @Test
    void domain_using_the_application_is_rejected() {
        assertRejected("domainusesapplication", ArchitectureRules::domainDependsOnlyOnTheJdk,
                "BadPolicy", "SomeService");
    }

    @Test
    void application_using_a_library_type_is_rejected() {
        assertRejected("applicationframework", ArchitectureRules::applicationDependsOnlyOnTheCore,
                "BadService", "com.tngtech.archunit.core.importer.ClassFileImporter");
    }

    @Test
    void http_adapter_using_the_persistence_adapter_is_rejected() {
        assertRejected("adaptercoupling", ArchitectureRules::adaptersDoNotDependOnEachOther,
                "BadRoutes", "SessionTable");
    }

    @Test
    void adapter_module_added_later_using_another_adapter_is_rejected() {
        assertRejected("newadaptercoupling", ArchitectureRules::adaptersDoNotDependOnEachOther,
                "TokenDenylist", "RedisClient");
    }

    @Test
    void bootstrap_reaching_the_tenant_context_is_rejected_while_persistence_may() {
        assertRejected("tenantcontext", ArchitectureRules::onlyPersistenceUsesTheTenantContext,
                "BadTenantCheck", "TenantTransactions");
        assertThatThrownBy(() -> rulesFor("tenantcontext").onlyPersistenceUsesTheTenantContext()
                .check(importBad("tenantcontext")))
                .hasMessageContaining("requireTenant()")
                .hasMessageContaining("TenantTransactions$Bound")
                .hasMessageNotContaining("<fixtures.bad.tenantcontext.adapters.persistence.shared.PostgresUnitOfWork.");
    }

    @Test
    void tenant_setting_outside_persistence_is_rejected_as_literal_and_as_inlined_constant() {
        assertRejected("tenantsetting", ArchitectureRules::onlyPersistenceHoldsTheTenantSetting,
                "TenantHeader", "current_setting('app.tenant_id', true)");
        assertThatThrownBy(() -> rulesFor("tenantsetting").onlyPersistenceHoldsTheTenantSetting()
                .check(importBad("tenantsetting")))
                .hasMessageContaining("BadStartupCheck contains the constant \"select set_config('app.tenant_id'")
                .hasMessageNotContaining("TenantSql contains")
                .hasMessageNotContaining("PooledUnitOfWork");
    }

    @Test
    void tenant_setting_is_found_in_the_class_files_that_hold_it() {
        assertThat(rulesFor("tenantsetting").classesHoldingTheTenantSetting(importBad("tenantsetting")))
                .containsExactly("fixtures.bad.tenantsetting.adapters.http.TenantHeader",
                        "fixtures.bad.tenantsetting.adapters.persistence.PooledUnitOfWork",
                        "fixtures.bad.tenantsetting.adapters.persistence.TenantSql",
                        "fixtures.bad.tenantsetting.bootstrap.BadStartupCheck");
    }

    @Test
    void in_port_exposing_out_port_or_adapter_types_is_rejected() {
        assertRejected("inportexposesoutport", ArchitectureRules::inPortsExposeNoOutPortOrAdapterType,
                "CreateSpaceUseCase.create", "SpaceRepository$SpaceSummary");
        assertThatThrownBy(() -> rulesFor("inportexposesoutport").inPortsExposeNoOutPortOrAdapterType()
                .check(importBad("inportexposesoutport")))
                .hasMessageContaining("ListSpacesUseCase.spaces(")
                .hasMessageContaining("ListSpacesUseCase$Query.filter() returns")
                .hasMessageContaining("SpaceRepository$Filter")
                .hasMessageContaining("ListSpacesUseCase$Cover.image() returns")
                .hasMessageContaining("adapters.storage.StoredObject")
                .hasMessageNotContaining("CreateSpaceUseCase$Command.");
    }

    @Test
    void event_type_outside_the_domain_or_not_a_record_is_rejected() {
        assertRejected("eventoutsidedomain", ArchitectureRules::eventTypesAreDomainRecords,
                "PostCreatedEvent", "does not reside in a package 'fixtures.bad.eventoutsidedomain.domain..'");
        assertThatThrownBy(() -> rulesFor("eventoutsidedomain").eventTypesAreDomainRecords()
                .check(importBad("eventoutsidedomain")))
                .hasMessageContaining("SpaceRenamed> is no record")
                .hasMessageNotContaining("SpaceCreated")
                .hasMessageNotContaining("SpaceEvent");
    }

    @Test
    void application_using_an_adapter_is_rejected() {
        assertRejected("coreusesadapter", ArchitectureRules::onlyBootstrapDependsOnAdapters,
                "BadService", "S3BlobStore");
    }

    @Test
    void adapter_using_bootstrap_is_rejected() {
        assertRejected("dependsonbootstrap", ArchitectureRules::nothingDependsOnBootstrap,
                "BadRoutes", "Settings");
    }

    @Test
    void domain_using_jdbc_is_rejected() {
        assertRejected("domainusesjdbc", ArchitectureRules::onlyPersistenceTouchesTheDatabase,
                "BadAggregate", "java.sql.Connection");
    }

    @Test
    void http_adapter_using_a_datasource_is_rejected_while_persistence_may() {
        assertRejected("httpusesdatasource", ArchitectureRules::onlyPersistenceTouchesTheDatabase,
                "BadHealthCheck", "javax.sql.DataSource");
        assertThatThrownBy(() -> rulesFor("httpusesdatasource").onlyPersistenceTouchesTheDatabase()
                .check(importBad("httpusesdatasource")))
                .hasMessageNotContaining("PooledDatabase");
    }

    @Test
    void package_cycle_is_rejected() {
        assertRejected("packagecycle", ArchitectureRules::noPackageCycles, "Booking", "Calendar");
    }

    @Test
    void cycle_between_generated_jooq_and_handwritten_code_is_rejected() {
        assertRejected("generatedcycle", ArchitectureRules::noPackageCycles, "Sessions", "SessionMapper");
    }

    @Test
    void rule_with_nothing_to_check_fails_because_fail_on_empty_should_is_kept() {
        JavaClasses applicationOnly = importBad("applicationframework");
        assertThatThrownBy(() -> rulesFor("applicationframework").domainDependsOnlyOnTheJdk().check(applicationOnly))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(VACUOUS);
    }

    @Test
    void packages_named_by_rules_but_without_classes_are_reported() {
        assertThat(rulesFor("adaptercoupling").emptyRequiredPackages(importBad("adaptercoupling")))
                .containsExactly("fixtures.bad.adaptercoupling.domain..", "fixtures.bad.adaptercoupling.application..",
                        "fixtures.bad.adaptercoupling.adapters.persistence.jooq..",
                        "fixtures.bad.adaptercoupling.adapters.messaging..",
                        "fixtures.bad.adaptercoupling.bootstrap..", "fixtures.bad.adaptercoupling.adapters.storage..",
                        "fixtures.bad.adaptercoupling.application..port.in..", "fixtures.bad.adaptercoupling..port.out..");
    }

    @Test
    void types_named_by_rules_but_missing_are_reported() {
        assertThat(rulesFor("tenantcontext").missingRequiredTypes(importBad("tenantcontext")))
                .containsExactly("fixtures.bad.tenantcontext.domain.shared.DomainEvent");
    }

    private static void assertRejected(String fixture, Function<ArchitectureRules, ArchRule> rule,
            String offender, String dependency) {
        JavaClasses classes = importBad(fixture);
        assertThat(classes).as("fixture %s has classes", fixture).isNotEmpty();
        assertThatThrownBy(() -> rule.apply(rulesFor(fixture)).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageNotContaining(VACUOUS)
                .hasMessageContaining(offender)
                .hasMessageContaining(dependency);
    }

    private static ArchitectureRules rulesFor(String fixture) {
        return ArchitectureRules.forRoot("fixtures.bad." + fixture);
    }

    private static JavaClasses importBad(String fixture) {
        return new ClassFileImporter().importPackages("fixtures.bad." + fixture);
    }
}
