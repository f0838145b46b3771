package io.mailsift.connector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The SPI is what third-party connectors compile against: it must stay free of the platform's frameworks. */
@AnalyzeClasses(packages = "io.mailsift.connector", importOptions = ImportOption.DoNotIncludeTests.class)
class ConnectorApiArchitectureTest {

    @ArchTest
    static final ArchRule shouldNotDependOnSpring = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .because("connectors must run without the Spring-based platform");

    @ArchTest
    static final ArchRule shouldKeepTheSpiIndependentOfTheParser = noClasses()
            .that().resideInAPackage("io.mailsift.connector")
            .should().dependOnClassesThat().resideInAPackage("io.mailsift.connector.mail..")
            .because("the parsed-email view is the contract; how it is parsed may change");

    @ArchTest
    static final ArchRule shouldExposeOnlyTheParserFromTheMailPackage = classes()
            .that().resideInAPackage("io.mailsift.connector.mail")
            .and().doNotHaveSimpleName("EmailParser")
            .and().doNotHaveSimpleName("Limits")
            .and().doNotHaveSimpleName("MalformedEmailException")
            .should().notBePublic()
            .because("how mail is parsed is an implementation detail connectors must not depend on");
}
