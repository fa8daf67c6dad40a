package dev.coachkit.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The types a class shows its callers: supertypes, and the parameter, return, thrown and field types
 * (with their type arguments, e.g. {@code Page<X>}) of its non-private members. A record's components are
 * its accessors and its canonical constructor, so they are covered.
 */
final class ExposedTypes {

    private ExposedTypes() {
    }

    /** A condition that no class exposes a type residing in any of {@code packages}. */
    static ArchCondition<JavaClass> exposeNoTypeFrom(String... packages) {
        DescribedPredicate<JavaClass> forbidden = JavaClass.Predicates.resideInAnyPackage(packages);
        return new ArchCondition<>("expose no type from " + String.join(", ", packages)) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaClass supertype : javaClass.getAllRawInterfaces()) {
                    report(events, javaClass, forbidden, supertype, javaClass.getName() + " extends");
                }
                javaClass.getRawSuperclass().ifPresent(
                        superclass -> report(events, javaClass, forbidden, superclass, javaClass.getName() + " extends"));
                for (JavaCodeUnit member : javaClass.getCodeUnits()) {
                    if (member.getModifiers().contains(JavaModifier.PRIVATE)
                            || member.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        continue;
                    }
                    String where = member.getFullName();
                    reportAll(events, javaClass, forbidden, member.getReturnType(), where + " returns");
                    for (JavaType parameter : member.getParameterTypes()) {
                        reportAll(events, javaClass, forbidden, parameter, where + " takes");
                    }
                    for (JavaClass thrown : member.getThrowsClause().getTypes()) {
                        report(events, javaClass, forbidden, thrown, where + " throws");
                    }
                }
                for (JavaField field : javaClass.getFields()) {
                    if (!field.getModifiers().contains(JavaModifier.PRIVATE)) {
                        reportAll(events, javaClass, forbidden, field.getType(), field.getFullName() + " is of");
                    }
                }
            }
        };
    }

    private static void reportAll(ConditionEvents events, JavaClass owner, DescribedPredicate<JavaClass> forbidden,
            JavaType type, String what) {
        Set<JavaClass> involved = type.getAllInvolvedRawTypes();
        for (JavaClass raw : involved) {
            report(events, owner, forbidden, raw, what);
        }
    }

    private static void report(ConditionEvents events, JavaClass owner, DescribedPredicate<JavaClass> forbidden,
            JavaClass type, String what) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        if (forbidden.test(base)) {
            events.add(SimpleConditionEvent.violated(owner, what + " " + base.getName()));
        }
    }
}
