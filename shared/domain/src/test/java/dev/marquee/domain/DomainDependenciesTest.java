package dev.marquee.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The domain is plain Java: it depends on the JDK only (the incubator Vector API included, for the ALS kernels, which
 * fall back to plain loops without it; javax.crypto for the tracking tokens' HMAC) and on itself. The api's DependencyRuleTest names the infrastructure it must
 * not know; this rule closes the door on everything else too.
 */
class DomainDependenciesTest {
    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.marquee.domain");

    @Test
    void theDomainDependsOnTheJdkAndItselfOnly() {
        classes().that().resideInAPackage("dev.marquee.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.crypto..", "jdk.incubator.vector..", "dev.marquee.domain..", "")
                .check(DOMAIN);
    }
}
