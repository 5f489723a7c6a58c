package io.commitmentsledger.projection.rebuild;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** How a rebuild is going. Rates and estimates are null until they mean something. */
@Schema(name = "RebuildStatus")
public record RebuildStatus(
        State state,
        String generation,
        long eventsDone,
        long eventsTotal,
        Double eventsPerSecond,
        Long secondsLeft,
        long unreadableSkipped,
        Instant startedAt,
        Instant finishedAt,
        String failure) {

    public enum State {
        /** Reading the topic into the new generation while the active one keeps answering. */
        RUNNING,
        /** The live consumer is paused while the new generation catches up to the very end, then takes over. */
        SWITCHING,
        /** The new generation answers queries; the old one is gone. */
        DONE,
        /** The new generation was dropped; the old one still answers. */
        FAILED
    }

    boolean inProgress() {
        return state == State.RUNNING || state == State.SWITCHING;
    }
}
