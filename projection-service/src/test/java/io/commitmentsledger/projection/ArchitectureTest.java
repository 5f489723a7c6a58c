package io.commitmentsledger.projection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The read model's domain is plain code; only the web layer speaks HTTP; packages do not depend in circles. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.commitmentsledger.projection");

    @Test
    void theTimelineDomainIsPlainCode() {
        noClasses()
                .that()
                .resideInAPackage("..projection.summary..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..", "..projection.store..")
                .check(CLASSES);
    }

    @Test
    void onlyTheWebLayerHandlesHttp() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..projection.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void packagesDoNotDependOnEachOtherInCircles() {
        slices().matching("io.commitmentsledger.projection.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }
}
