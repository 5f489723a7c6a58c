package io.commitmentsledger.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the layout honest: the domain knows nothing of HTTP, SQL or Kafka; the public language knows no framework. */
class ArchitectureTest {

    /** Production code only, wherever it comes from: api-contracts' test-jar is on the classpath too. */
    private static final ImportOption MAIN_CODE_ONLY =
            location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");

    private static final JavaClasses CLASSES =
            new ClassFileImporter().withImportOption(MAIN_CODE_ONLY).importPackages("io.commitmentsledger");

    @Test
    void theCommitmentDomainDoesNotReachForTheWebOrTheDatabase() {
        noClasses()
                .that()
                .resideInAPackage("io.commitmentsledger.ledger.commitment")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..web..",
                        "org.springframework..",
                        "jakarta.servlet..",
                        "java.sql..",
                        "org.apache.kafka..",
                        "io.commitmentsledger.ledger.idempotency..")
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
                .resideOutsideOfPackages("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }
}
