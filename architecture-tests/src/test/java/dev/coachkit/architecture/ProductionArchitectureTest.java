package dev.coachkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.Slices;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The production tree under {@code dev.coachkit} keeps every architecture rule. */
class ProductionArchitectureTest {

    private final ArchitectureRules rules = ArchitectureRules.forRoot(ProductionClasses.ROOT);
    private final JavaClasses classes = ProductionClasses.get();

    @Test
    void every_package_a_rule_names_has_classes() {
        assertThat(rules.emptyRequiredPackages(classes))
                .as("packages named by a rule but without production classes (the rule would guard nothing)")
                .isEmpty();
    }

    @Test
    void every_type_a_rule_names_exists() {
        assertThat(rules.missingRequiredTypes(classes))
                .as("types named by a rule but missing from production (the rule would guard nothing)")
                .isEmpty();
    }

    @Test
    void adapter_independence_compares_every_adapter_module() {
        Set<String> adapters = Slices.matching(ProductionClasses.ROOT + ".adapters.(*)..").transform(classes)
                .stream()
                .map(slice -> slice.getNamePart(1))
                .collect(Collectors.toSet());
        assertThat(adapters).contains("persistence", "messaging", "storage", "crypto", "http", "payments");
    }

    @Test
    void domain_depends_on_the_jdk_only() {
        rules.domainDependsOnlyOnTheJdk().check(classes);
    }

    @Test
    void application_depends_on_the_domain_and_the_jdk_only() {
        rules.applicationDependsOnlyOnTheCore().check(classes);
    }

    @Test
    void adapters_do_not_depend_on_each_other() {
        rules.adaptersDoNotDependOnEachOther().check(classes);
    }

    @Test
    void only_bootstrap_depends_on_adapters() {
        rules.onlyBootstrapDependsOnAdapters().check(classes);
    }

    @Test
    void nothing_depends_on_bootstrap() {
        rules.nothingDependsOnBootstrap().check(classes);
    }

    @Test
    void only_persistence_touches_jooq_jdbc_flyway_hikari_and_the_postgresql_driver() {
        rules.onlyPersistenceTouchesTheDatabase().check(classes);
    }

    @Test
    void only_persistence_reaches_the_tenant_context() {
        rules.onlyPersistenceUsesTheTenantContext().check(classes);
    }

    @Test
    void only_persistence_holds_the_tenant_setting() {
        rules.onlyPersistenceHoldsTheTenantSetting().check(classes);
    }

    @Test
    void the_tenant_setting_is_found_where_persistence_sets_it() {
        assertThat(rules.classesHoldingTheTenantSetting(classes))
                .as("the constant-pool check must see the setting where the unit of work sets it")
                .contains(ProductionClasses.ROOT + ".adapters.persistence.shared.PostgresUnitOfWork");
    }

    @Test
    void in_ports_expose_no_out_port_or_adapter_type() {
        rules.inPortsExposeNoOutPortOrAdapterType().check(classes);
    }

    @Test
    void event_types_are_records_in_the_domain() {
        rules.eventTypesAreDomainRecords().check(classes);
    }

    @Test
    void packages_are_free_of_cycles() {
        rules.noPackageCycles().check(classes);
    }
}
