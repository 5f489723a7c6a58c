package io.commitmentsledger.ledger.eventstore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import org.axonframework.serialization.upcasting.Upcaster;
import org.junit.jupiter.api.Test;

/**
 * Stored events of any earlier revision can still be read, by the same upcasters subscribers use: every revision step
 * of every event has one in api-contracts, and Axon's chain holds no upcaster of the ledger's own beside the one that
 * delegates to them.
 */
class UpcasterCoverageTest {

    @Test
    void everyRevisionStepOfEveryEventHasAnUpcasterInApiContracts() {
        // ledger() refuses to build while any step lacks one
        EventUpcasters ledger = EventUpcasters.ledger();

        for (var type : EventTypes.all()) {
            assertThat(ledger.currentRevision(type))
                    .as(EventTypes.name(type))
                    .isEqualTo(Integer.parseInt(EventTypes.revision(type)));
        }
    }

    @Test
    void axonReadsThroughTheSharedUpcastersOnly() {
        classes()
                .that()
                .areAssignableTo(Upcaster.class)
                .should()
                .be(RevisionUpcaster.class)
                .because("revision steps belong in api-contracts' EventUpcasters, where every subscriber finds them")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.commitmentsledger.ledger"));
    }
}
