package dev.coachkit.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** One slice per package under the root, as {@code slices().matching("dev.coachkit.(**)")}, jOOQ's tree as one. */
final class PackageSlices implements SliceAssignment {

    // The generated jOOQ code has cycles of its own (DefaultSchema/Tables/Keys -> tables -> records -> back),
    // which are generated, not ours to fix; counting the whole generated tree as one slice ignores those
    // while a cycle between generated and hand-written packages is still reported.

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
