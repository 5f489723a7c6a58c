package io.commitmentsledger.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.commitmentsledger.contracts.events.EventTypes;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/** Every revision step of every event has an upcaster, so stored events of any earlier revision can still be read. */
class UpcasterCoverageTest {

    @Test
    void everyRevisionStepOfEveryEventHasAnUpcasterBean() throws Exception {
        Set<String> steps = new HashSet<>();
        for (JavaClass upcaster : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.commitmentsledger.ledger")
                .that(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "revision upcasters",
                        type -> type.isAssignableTo(RevisionUpcaster.class)
                                && !type.getModifiers()
                                        .contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)))) {
            assertThat(upcaster.isAnnotatedWith(Component.class))
                    .as("%s must be a Spring bean for Axon to use it", upcaster.getName())
                    .isTrue();
            RevisionUpcaster instance = (RevisionUpcaster)
                    upcaster.reflect().getDeclaredConstructor().newInstance();
            steps.add(EventTypes.name(instance.eventType()) + " " + instance.fromRevision());
        }

        Set<String> needed = new HashSet<>();
        for (Class<?> type : EventTypes.all()) {
            for (int revision = 1; revision < Integer.parseInt(EventTypes.revision(type)); revision++) {
                needed.add(EventTypes.name(type) + " " + revision);
            }
        }
        assertThat(steps).as("upcasters (type and revision they read)").containsExactlyInAnyOrderElementsOf(needed);
    }
}
