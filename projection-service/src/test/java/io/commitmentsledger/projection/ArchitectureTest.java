package io.commitmentsledger.projection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.commitmentsledger.projection.summary.SummaryFold;
import org.junit.jupiter.api.Test;

/** The summary fold is plain code; only the web layer speaks HTTP; packages do not depend in circles. */
class ArchitectureTest {

    private static final String PROJECTION = "io.commitmentsledger.projection";

    /** Taken from the class, so a renamed package cannot leave the rule checking nothing. */
    private static final String SUMMARY = SummaryFold.class.getPackageName() + "..";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PROJECTION);

    @Test
    void theSummaryFoldUsesNoFrameworkWebKafkaOrJdbcCode() {
        summaryMayNotUse(
                        "org.springframework..", // Spring Kafka and Spring JDBC among it
                        "jakarta.servlet..",
                        "org.apache.kafka..",
                        "java.sql..",
                        "javax.sql..")
                .check(CLASSES);
    }

    @Test
    void theSummaryFoldDependsOnNoOtherPartOfTheService() {
        summaryMayNotUse(
                        PROJECTION + ".store..",
                        PROJECTION + ".web..",
                        PROJECTION + ".consumer..",
                        PROJECTION + ".rebuild..",
                        PROJECTION + ".health..")
                .check(CLASSES);
    }

    private static ArchRule summaryMayNotUse(String... packages) {
        return noClasses()
                .that()
                .resideInAPackage(SUMMARY)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages)
                .allowEmptyShould(false);
    }

    @Test
    void onlyTheWebLayerHandlesHttp() {
        noClasses()
                .that()
                .resideOutsideOfPackage(PROJECTION + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void packagesDoNotDependOnEachOtherInCircles() {
        slices().matching(PROJECTION + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(false)
                .check(CLASSES);
    }
}
