package dev.coachkit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;

/** The production classes of every CoachKit module, imported once per test run. */
final class ProductionClasses {

    static final String ROOT = "dev.coachkit";

    /** Test-jars (e.g. the application's contract tests) are on the classpath but are not production. */
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

    private static JavaClasses classes;

    private ProductionClasses() {
    }

    static synchronized JavaClasses get() {
        if (classes == null) {
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> !location.matches(TEST_JAR))
                    .importPackages(ROOT);
        }
        return classes;
    }
}
