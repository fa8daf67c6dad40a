package dev.coachkit.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * One slice per package under the root, like {@code slices().matching("dev.coachkit.(**)")}, except that
 * the generated jOOQ tree is one slice: jOOQ's generated code has cycles of its own (Keys, Tables and
 * the table and record classes refer to each other), which are not ours to fix, while a cycle between
 * the generated tree and hand-written packages is still reported.
 */
final class PackageSlices implements SliceAssignment {

    private final String root;
    private final String generated;
    private final PackageMatcher generatedMatcher;

    PackageSlices(String root, String generatedPackage) {
        this.root = root;
        this.generated = generatedPackage;
        this.generatedMatcher = PackageMatcher.of(generatedPackage);
    }

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (generatedMatcher.matches(name)) {
            return SliceIdentifier.of(generated + " (generated)");
        }
        if (name.equals(root) || name.startsWith(root + ".")) {
            return SliceIdentifier.of(name);
        }
        return SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
        return "packages under " + root + " (" + generated + " as one)";
    }
}
