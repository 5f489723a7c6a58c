package io.commitmentsledger.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layout honest: the domain knows nothing of HTTP, SQL or Kafka; only web code speaks HTTP; the shared web
 * package knows no feature; no packages depend on each other in circles; the public language knows no framework.
 */
class ArchitectureTest {

    /** Production code only, wherever it comes from: api-contracts' test-jar is on the classpath too. */
    private static final ImportOption MAIN_CODE_ONLY =
            location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");

    private static final JavaClasses CLASSES =
            new ClassFileImporter().withImportOption(MAIN_CODE_ONLY).importPackages("io.commitmentsledger");

    @Test
    void theCommitmentDomainDoesNotReachForTheWebKafkaOrTheDatabase() {
        noClasses()
                .that()
                .resideInAPackage("io.commitmentsledger.ledger.commitment")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..web..",
                        "..application..",
                        "org.springframework..",
                        "jakarta.servlet..",
                        "java.sql..",
                        "javax.sql..",
                        "org.apache.kafka..")
                .check(CLASSES);
    }

    @Test
    void thePublicLanguageDependsOnNoFramework() {
        noClasses()
                .that()
                .resideInAPackage("io.commitmentsledger.contracts..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "org.axonframework..", "org.apache.kafka..", "jakarta.persistence..")
                .check(CLASSES);
    }

    @Test
    void onlyTheWebLayerHandlesHttp() {
        noClasses()
                .that()
                // ledger-security is the web layer's guard: the resource server that checks every request
                .resideOutsideOfPackages("..web..", "io.commitmentsledger.security..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void theSharedWebPackageKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("io.commitmentsledger.ledger.web")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.commitmentsledger.ledger.commitment..",
                        "io.commitmentsledger.ledger.history..",
                        "io.commitmentsledger.ledger.publication..",
                        "io.commitmentsledger.ledger.eventstore..")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCircles() {
        slices().matching("io.commitmentsledger.ledger.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void packagesDoNotDependOnEachOtherInCircles() {
        slices().matching("io.commitmentsledger.ledger.(**)")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }
}
