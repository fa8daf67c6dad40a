package dev.coachkit.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import java.util.ArrayList;
import java.util.List;

/** CoachKit's module and package boundaries (docs/architecture.md), relative to a root package so fixtures share them. */
public final class ArchitectureRules {

    // "No framework types (Javalin, Jackson, jOOQ, AWS, Flyway, Lettuce, Micrometer) in the core" follows
    // from the domain and application rules, which allow an explicit list only. ArchUnit's model has no
    // string literals, so "only persistence holds the tenant setting" reads the class files' constant pools.

    /** Packages only the persistence adapter may use: jOOQ, JDBC, Flyway, HikariCP, the PostgreSQL driver. */
    private static final String[] DATABASE_PACKAGES = {
        "org.jooq..", "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer.hikari..", "org.postgresql.."
    };

    /**
     * The persistence adapter's tenant context, relative to the root: the thread's tenant-bound transaction
     * (and its nested types) and the unit of work that binds it. Public for the repositories in the
     * adapter's other packages, but nothing outside the adapter may reach them; a host gets the port
     * ({@code UnitOfWork}) from the adapter's entry point ({@code PostgresPersistence}).
     */
    private static final List<String> TENANT_CONTEXT_TYPES = List.of(
            "adapters.persistence.shared.TenantTransactions", "adapters.persistence.shared.PostgresUnitOfWork");

    /** The tenant setting and the function that sets it: only the persistence adapter's classes hold them. */
    private static final List<String> TENANT_SETTING = List.of("app.tenant_id", "set_config");

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
     * password hasher), the domain and itself only; validation annotations sit on the HTTP adapter's
     * request records.
     */
    public ArchRule applicationDependsOnlyOnTheCore() {
        return classes().that().resideInAPackage(application())
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", domain(), application())
                .because("the application depends on the domain and the JDK only");
    }

    /** Rule 3: no adapter module (persistence, messaging, storage, crypto, http, any new one) uses another. */
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

    /**
     * Rule 4: the tenant-context types are reachable only from the persistence adapter (bootstrap calling
     * {@code TenantTransactions.requireTenant()} breaks it).
     */
    public ArchRule onlyPersistenceUsesTheTenantContext() {
        return noClasses().that().resideOutsideOfPackage(persistence())
                .should().dependOnClassesThat(tenantContextTypes())
                .because("the tenant is set and bound only inside adapters-persistence's unit of work");
    }

    /**
     * Rule 4: only persistence classes contain {@code app.tenant_id} or {@code set_config} as a constant
     * (a string literal, or a constant javac inlined from another class).
     */
    public ArchRule onlyPersistenceHoldsTheTenantSetting() {
        return classes().that().resideOutsideOfPackage(persistence())
                .should(ClassFileConstants.notContainTheText(TENANT_SETTING))
                .because("only adapters-persistence sets app.tenant_id, once per unit of work");
    }

    /**
     * Rule 6: an in-port speaks its own language: no member of a {@code port.in} type (nested commands,
     * queries and results included) takes, returns or throws a type of an out-port or of an adapter.
     */
    public ArchRule inPortsExposeNoOutPortOrAdapterType() {
        return classes().that().resideInAPackage(portIn())
                .should(ExposedTypes.exposeNoTypeFrom(portOut(), adapters()))
                .because("a use case returns its own result records, never an out-port's record");
    }

    /**
     * Rule 7: every type assignable to {@code domain.shared.DomainEvent} lives in the domain and is a record
     * (an interface such as a context's sealed event family may group them). {@code DomainEvent} itself is
     * a subject, so the rule checks something with no event types yet and fails when the interface is gone.
     */
    public ArchRule eventTypesAreDomainRecords() {
        return classes().that().areAssignableTo(domainEvent())
                .should().resideInAPackage(domain())
                .andShould(ArchConditions.beRecords().or(ArchConditions.beInterfaces()))
                .because("events are typed records caused by the model");
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
                onlyPersistenceTouchesTheDatabase(), onlyPersistenceUsesTheTenantContext(),
                onlyPersistenceHoldsTheTenantSetting(), inPortsExposeNoOutPortOrAdapterType(),
                eventTypesAreDomainRecords(), noPackageCycles());
    }

    /** The packages the rules name that must hold classes, or a rule about them would guard nothing. */
    public List<String> requiredPackages() {
        return List.of(domain(), application(), persistence(), generatedJooq(), root + ".adapters.messaging..",
                root + ".adapters.http..", bootstrap(), root + ".adapters.storage..", portIn(), portOut());
    }

    /** The types the rules name (tenant context, the event interface) that must exist, fully qualified. */
    public List<String> requiredTypes() {
        List<String> types = new ArrayList<>();
        TENANT_CONTEXT_TYPES.forEach(type -> types.add(root + "." + type));
        types.add(domainEvent());
        return types;
    }

    /** The required types that are not in {@code classes}: a rule naming them would guard nothing. */
    public List<String> missingRequiredTypes(JavaClasses classes) {
        return requiredTypes().stream().filter(name -> !classes.contain(name)).toList();
    }

    /** The classes whose files hold the tenant setting as a constant (persistence's unit of work, at least). */
    public List<String> classesHoldingTheTenantSetting(JavaClasses classes) {
        return classes.stream()
                .filter(javaClass -> ClassFileConstants.contains(javaClass, TENANT_SETTING.get(0)))
                .map(JavaClass::getName)
                .sorted()
                .toList();
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

    private String portIn() {
        return root + ".application..port.in..";
    }

    private String portOut() {
        return root + "..port.out..";
    }

    private String domainEvent() {
        return root + ".domain.shared.DomainEvent";
    }

    /** The tenant-context types and the types nested in them. */
    private DescribedPredicate<JavaClass> tenantContextTypes() {
        List<String> names = TENANT_CONTEXT_TYPES.stream().map(type -> root + "." + type).toList();
        return DescribedPredicate.describe("are the tenant context " + names, javaClass -> names.stream()
                .anyMatch(name -> javaClass.getName().equals(name) || javaClass.getName().startsWith(name + "$")));
    }

    private String generatedJooq() {
        return root + ".adapters.persistence.jooq..";
    }

    private String bootstrap() {
        return root + ".bootstrap..";
    }
}
