package dev.marquee.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The ports-and-adapters rule, checked on the whole classpath of the api (which holds the domain, the adapters and
 * every backend library): the domain knows nothing of AWS, Quarkus, Vert.x, Redis, ONNX or JSON libraries, and every
 * adapter is named by its technology and the port it implements.
 */
class DependencyRuleTest {
    private static final JavaClasses MARQUEE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.marquee");

    @Test
    void theDomainImportsNoInfrastructure() {
        noClasses().that().resideInAPackage("dev.marquee.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "io.quarkus..", "io.vertx..", "io.smallrye..",
                        "redis..", "ai.onnxruntime..", "com.fasterxml.jackson..", "jakarta..", "org.jboss..")
                .check(MARQUEE);
    }

    @Test
    void theDomainDoesNotReachIntoAdaptersOrFunctions() {
        noClasses().that().resideInAPackage("dev.marquee.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.marquee.adapters..", "dev.marquee.api..")
                .check(MARQUEE);
    }

    @Test
    void everyAdapterIsNamedAfterThePortItImplements() {
        classes().that().resideInAPackage("dev.marquee.adapters..")
                .and().implement(com.tngtech.archunit.base.DescribedPredicate.describe("a port",
                        (JavaClass c) -> c.getPackageName().equals("dev.marquee.domain.port")))
                .should(endWithTheNameOfTheirPort())
                .check(MARQUEE);
    }

    private static ArchCondition<JavaClass> endWithTheNameOfTheirPort() {
        return new ArchCondition<>("end with the name of the port they implement") {
            @Override
            public void check(JavaClass adapter, ConditionEvents events) {
                boolean named = adapter.getRawInterfaces().stream()
                        .filter(i -> i.getPackageName().equals("dev.marquee.domain.port"))
                        .anyMatch(port -> adapter.getSimpleName().endsWith(port.getSimpleName())
                                && adapter.getSimpleName().length() > port.getSimpleName().length());
                events.add(new SimpleConditionEvent(adapter, named,
                        adapter.getName() + (named ? " is" : " is not") + " named <Technology><Port>"));
            }
        };
    }
}
