package io.commitmentsledger.benchmarks.streams;

import java.time.Duration;

/**
 * How much the stream benchmark loads and how long it watches the live consumer. The full run is 100,000 commitments
 * of 10 events: 1,000,000 events.
 *
 * @param commitments commitments loaded into the event store
 * @param eventsPerCommitment events of each (at least 4: agreed, two confirmations, a workshop; then progress reports)
 * @param liveWindow how long, from the first loaded event's commit, the live consumer's apply rate is measured at most
 */
public record StreamSettings(int commitments, int eventsPerCommitment, Duration liveWindow) {

    public StreamSettings {
        if (commitments < 1) {
            throw new IllegalArgumentException("at least one commitment, not " + commitments);
        }
        if (eventsPerCommitment < CommitmentHistories.FIRST_PROGRESS_REPORT) {
            throw new IllegalArgumentException("at least " + CommitmentHistories.FIRST_PROGRESS_REPORT
                    + " events per commitment (agreed, two confirmations, a workshop), not " + eventsPerCommitment);
        }
        if (liveWindow.isNegative() || liveWindow.isZero()) {
            throw new IllegalArgumentException("a live window longer than zero, not " + liveWindow);
        }
    }

    /** The events loaded in all. */
    public long events() {
        return (long) commitments * eventsPerCommitment;
    }
}
