package io.commitmentsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.EventTypes.NameAndRevision;
import io.commitmentsledger.contracts.events.ProgressReported;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void readsNameAndRevisionFromACloudEventsTypeItDoesNotKnowToo() {
        assertThat(EventTypes.nameAndRevision(EventTypes.cloudEventType(ProgressReported.class)))
                .contains(new NameAndRevision("ProgressReported", 1));
        assertThat(EventTypes.nameAndRevision("dev.commitments-ledger.ProgressReported.v12"))
                .contains(new NameAndRevision("ProgressReported", 12));
        assertThat(EventTypes.nameAndRevision("dev.commitments-ledger.SomethingNew.v1"))
                .contains(new NameAndRevision("SomethingNew", 1));
    }

    @Test
    void refusesWhatIsNoLedgerCloudEventsType() {
        assertThat(EventTypes.nameAndRevision("dev.commitments-ledger.ProgressReported.v0"))
                .isEmpty();
        assertThat(EventTypes.nameAndRevision("dev.commitments-ledger.ProgressReported"))
                .isEmpty();
        assertThat(EventTypes.nameAndRevision("com.example.ProgressReported.v1"))
                .isEmpty();
        assertThat(EventTypes.nameAndRevision("dev.commitments-ledger.ProgressReported.v99999999999"))
                .isEmpty();
    }
}
