package dev.coachkit.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** CoachKit's module and package boundaries (docs/architecture.md), relative to a root package so fixtures share them. */
public final class ArchitectureRules {

    // "No framework types (Javalin, Jackson, jOOQ, AWS, Flyway, Lettuce, Micrometer) in the core" follows
    // from the domain and application rules, which allow an explicit list only. "Only persistence touches
    // app.tenant_id" is checked as text by TenantSettingTest: ArchUnit cannot see string constants.

    /** Packages only the persistence adapter may use: jOOQ, JDBC, Flyway, HikariCP, the PostgreSQL driver. */
    private static final String[] DATABASE_PACKAGES = {
        "org.jooq..", "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer.hikari..", "org.postgresql.."
    };

    private final String root;

    private ArchitectureRules(String root) {
        this.root = root;
    }

    /** The rules for the tree under {@code root}, e.g. {@code "dev.coachkit"}. */
    public static ArchitectureRules forRoot(String root) {
        return new ArchitectureRules(root);
    }

    /** Rule 1: the domain uses the JDK and itself, nothing else (no framework, no application). */
    public ArchRule domainDependsOnlyOnTheJdk() {
        return classes().that().resideInAPackage(domain())
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", domain())
                .because("the domain depends on the JDK only");
    }

    /**
     * Rule 2: the application uses the JDK (with its {@code javax.crypto} part, for the in-memory
     * password hasher), the domain, itself and the jakarta.validation API only.
     */
    public ArchRule applicationDependsOnlyOnTheCore() {
        return classes().that().resideInAPackage(application())
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", domain(), application(), "jakarta.validation..")
                .because("the application depends on the domain and the jakarta.validation API only");
    }

    /** Rule 3: persistence, messaging, storage and http never use one another. */
    public ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(root + ".adapters.(*)..").namingSlices("adapter '$1'")
                .should().notDependOnEachOther()
                .because("adapters never depend on each other");
    }

    /** Rule 3: only bootstrap (and an adapter itself) may use an adapter. */
    public ArchRule onlyBootstrapDependsOnAdapters() {
        return noClasses().that().resideOutsideOfPackages(adapters(), bootstrap())
                .should().dependOnClassesThat().resideInAPackage(adapters())
                .because("only bootstrap knows the adapters");
    }

    /** Rule 3: bootstrap wires everything, so nothing may use it. */
    public ArchRule nothingDependsOnBootstrap() {
        return noClasses().that().resideOutsideOfPackage(bootstrap())
                .should().dependOnClassesThat().resideInAPackage(bootstrap())
                .because("bootstrap is the outermost ring");
    }

    /** Rule 4: jOOQ, JDBC, Flyway, HikariCP and the PostgreSQL driver stay inside the persistence adapter. */
    public ArchRule onlyPersistenceTouchesTheDatabase() {
        return noClasses().that().resideOutsideOfPackage(persistence())
                .should().dependOnClassesThat().resideInAnyPackage(DATABASE_PACKAGES)
                .because("only adapters-persistence implements the unit of work and talks to the database");
    }

    /** Rule 5: no cycles between packages; the generated jOOQ tree counts as one package. */
    public ArchRule noPackageCycles() {
        return slices().assignedFrom(new PackageSlices(root, generatedJooq()))
                .should().beFreeOfCycles()
                .because("a cycle between packages is a defect");
    }

    /** Every rule above, for checks that apply to all of them. */
    public List<ArchRule> all() {
        return List.of(domainDependsOnlyOnTheJdk(), applicationDependsOnlyOnTheCore(),
                adaptersDoNotDependOnEachOther(), onlyBootstrapDependsOnAdapters(), nothingDependsOnBootstrap(),
                onlyPersistenceTouchesTheDatabase(), noPackageCycles());
    }

    /** The packages the rules name that must hold classes, or a rule about them would guard nothing. */
    public List<String> requiredPackages() {
        return List.of(domain(), application(), persistence(), generatedJooq(), root + ".adapters.messaging..",
                root + ".adapters.http..", bootstrap(), root + ".adapters.storage..");
    }

    /** The required packages that have no class in {@code classes}. */
    public List<String> emptyRequiredPackages(JavaClasses classes) {
        return requiredPackages().stream()
                .filter(name -> classes.that(resideInAPackage(name)).isEmpty())
                .toList();
    }

    private String domain() {
        return root + ".domain..";
    }

    private String application() {
        return root + ".application..";
    }

    private String adapters() {
        return root + ".adapters..";
    }

    private String persistence() {
        return root + ".adapters.persistence..";
    }

    private String generatedJooq() {
        return root + ".adapters.persistence.jooq..";
    }

    private String bootstrap() {
        return root + ".bootstrap..";
    }
}
