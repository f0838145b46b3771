package io.mailsift;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layout says what the architecture is: these rules keep it saying so. */
class ModuleBoundariesTest {

    private static final JavaClasses MAILSIFT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mailsift");

    @Test
    void featurePackagesShouldNotDependOnEachOtherInCycles() {
        slices().matching("io.mailsift.(*)..").should().beFreeOfCycles().check(MAILSIFT);
    }

    @Test
    void connectorsShouldSeeOnlyTheSpiAndTheJdk() {
        classes().that().resideInAnyPackage("io.mailsift.travel..", "io.mailsift.purchases..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.mailsift.connector", "io.mailsift.travel..", "io.mailsift.purchases..", "java..",
                        "org.jspecify..")
                .because("connectors are untrusted plugins: no database, no network, no platform internals")
                .check(MAILSIFT);
    }

    @Test
    void theOfflineScanShouldNotNeedSpring() {
        noClasses().that().resideInAPackage("io.mailsift.cli..")
                .or().haveFullyQualifiedName("io.mailsift.registry.ConnectorRegistry")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("`mailsift scan` starts no Spring context, no database and no server")
                .check(MAILSIFT);
    }

    @Test
    void nothingShouldDependOnTheWebOrTheDemo() {
        noClasses().that().resideOutsideOfPackages("io.mailsift.web..", "io.mailsift.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("io.mailsift.web..", "io.mailsift.demo..")
                .check(MAILSIFT);
    }

    @Test
    void webCodeShouldLearnTheSignedInUserOnlyFromCurrentUser() {
        noClasses().that().resideInAPackage("io.mailsift.web..")
                .and().doNotHaveFullyQualifiedName("io.mailsift.web.CurrentUser")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.security.core.context.SecurityContextHolder")
                .because("every query of user data is scoped by CurrentUser.id(); one way to learn it")
                .check(MAILSIFT);
    }

    @Test
    void onlyTheIngestionShouldTalkImap() {
        noClasses().that().resideOutsideOfPackages("io.mailsift.ingest..", "io.mailsift.demo..",
                        "io.mailsift.connector..", "io.mailsift.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail.event..", "org.eclipse.angus.mail.imap..")
                .check(MAILSIFT);
    }
}
