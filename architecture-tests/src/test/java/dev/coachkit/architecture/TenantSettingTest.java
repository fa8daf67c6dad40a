package dev.coachkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.architecture.SourceTextScanner.Occurrence;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only adapters-persistence touches the tenant setting {@code app.tenant_id}, checked by scanning sources as text. */
class TenantSettingTest {

    private static final String TENANT_SETTING = "app.tenant_id";
    private static final String PERSISTENCE = "adapters-persistence";

    /** This module's directory: Maven's basedir, else the working directory. */
    private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path PROJECT = MODULE.getParent();
    private static final Path FIXTURE = MODULE.resolve("src/test/resources/fixtures/tenantsetting");

    private final SourceTextScanner scanner = new SourceTextScanner(TENANT_SETTING);

    @Test
    void tenant_setting_appears_in_no_module_but_persistence() {
        assertThat(outsidePersistence(scanner.scan(PROJECT))).isEmpty();
    }

    @Test
    void scan_covers_the_main_trees_of_every_module_that_has_code() {
        assertThat(SourceTextScanner.modules(PROJECT))
                .map(module -> module.getFileName().toString())
                .contains("domain", "application", PERSISTENCE, "adapters-http", "bootstrap");
    }

    @Test
    void scan_finds_the_tenant_setting_where_persistence_sets_it() {
        assertThat(scanner.scan(PROJECT)).anyMatch(found -> found.module().equals(PERSISTENCE));
    }

    @Test
    void tenant_setting_outside_persistence_is_reported_in_java_and_resources() {
        assertThat(outsidePersistence(scanner.scan(FIXTURE)))
                .map(found -> FIXTURE.relativize(found.file()).toString().replace('\\', '/') + ":" + found.line())
                .containsExactly(
                        "adapters-http/src/main/java/dev/coachkit/adapters/http/TenantHeader.java:6",
                        "bootstrap/src/main/resources/coachkit.properties:2");
    }

    @Test
    void tenant_setting_in_persistence_and_in_test_trees_is_allowed() {
        List<Occurrence> all = scanner.scan(FIXTURE);
        assertThat(all).filteredOn(found -> found.module().equals(PERSISTENCE)).hasSize(2);
        assertThat(all).noneMatch(found -> FIXTURE.relativize(found.file()).toString().contains("src/test"));
    }

    private static List<Occurrence> outsidePersistence(List<Occurrence> found) {
        return found.stream().filter(occurrence -> !occurrence.module().equals(PERSISTENCE)).toList();
    }
}
