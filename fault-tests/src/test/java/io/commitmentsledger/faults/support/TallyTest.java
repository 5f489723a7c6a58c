package io.commitmentsledger.faults.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commitmentsledger.faults.support.LoadGenerator.Ack;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks every scenario ends with must see each kind of damage, or the scenarios could not fail. */
class TallyTest {

    private static final Ack AGREED =
            new Ack("c-1", 0, "fault-token-00000000-0000-0000-0000-000000000000", Instant.EPOCH);
    private static final Ack REPORTED =
            new Ack("c-1", 1, "fault-token-00000000-0000-0000-0000-000000000001", Instant.EPOCH);
    private static final Recorded AGREED_EVENT = new Recorded("c-1", 0, "e0", Optional.of(AGREED.token()));
    private static final Recorded REPORTED_EVENT = new Recorded("c-1", 1, "e1", Optional.of(REPORTED.token()));
    private static final List<Ack> ACKS = List.of(AGREED, REPORTED);
    private static final List<Recorded> STORE = List.of(AGREED_EVENT, REPORTED_EVENT);

    @Test
    void passesWhenEverythingAcknowledgedIsEverywhereOnce() {
        Tally tally = new Tally(ACKS, STORE, List.of(AGREED_EVENT, AGREED_EVENT, REPORTED_EVENT), STORE);

        tally.assertNothingLostOrDuplicated();
        assertThat(tally.onTopic()).isEqualTo(2);
    }

    @Test
    void seesACommandMissingFromTheStore() {
        Tally tally = new Tally(ACKS, List.of(AGREED_EVENT), STORE, null);

        assertThat(tally.lost()).isEqualTo(1);
        assertThatThrownBy(tally::assertNothingLostOrDuplicated).hasMessageContaining("lost");
    }

    @Test
    void seesACommandRecordedTwice() {
        Recorded again = new Recorded("c-1", 2, "e2", Optional.of(REPORTED.token()));
        Tally tally = new Tally(ACKS, List.of(AGREED_EVENT, REPORTED_EVENT, again), null, null);

        assertThat(tally.duplicated()).isEqualTo(1);
        assertThatThrownBy(tally::assertNothingLostOrDuplicated).hasMessageContaining("duplicated");
    }

    @Test
    void seesACommandStoredAtAnotherVersionThanItAnswered() {
        Recorded elsewhere = new Recorded("c-1", 2, "e1", Optional.of(REPORTED.token()));
        Tally tally = new Tally(ACKS, List.of(AGREED_EVENT, elsewhere), null, null);

        assertThat(tally.inStore()).isEqualTo(1);
        assertThatThrownBy(tally::assertNothingLostOrDuplicated).hasMessageContaining("gap");
    }

    @Test
    void seesRecordsOutOfOrderOnTheTopic() {
        Tally tally = new Tally(ACKS, STORE, List.of(REPORTED_EVENT, AGREED_EVENT), null);

        assertThat(tally.onTopic()).isEqualTo(2);
        assertThatThrownBy(tally::assertNothingLostOrDuplicated).hasMessageContaining("out of order");
    }

    @Test
    void seesARecordThatIsAnotherEventThanTheStoreHolds() {
        Recorded impostor = new Recorded("c-1", 1, "not-e1", Optional.of(REPORTED.token()));
        Tally tally = new Tally(ACKS, STORE, List.of(AGREED_EVENT, impostor), null);

        assertThat(tally.onTopic()).isEqualTo(1);
        assertThatThrownBy(tally::assertNothingLostOrDuplicated).hasMessageContaining("never published");
    }

    @Test
    void seesAnEventShownTwiceInATimeline() {
        Tally tally = new Tally(ACKS, STORE, null, List.of(AGREED_EVENT, REPORTED_EVENT, REPORTED_EVENT));

        assertThat(tally.duplicated()).isEqualTo(1);
        assertThatThrownBy(tally::assertNothingLostOrDuplicated).hasMessageContaining("exactly once");
    }
}
