package io.commitmentsledger.projection.rebuild;

import io.commitmentsledger.projection.store.Incident;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How a rebuild is going. Rates and estimates are null until they mean something. */
@Schema(name = "RebuildStatus")
public record RebuildStatus(
        State state,
        @Nullable String generation,
        long eventsDone,
        long eventsTotal,
        @Nullable Double eventsPerSecond,
        @Nullable Long secondsLeft,
        long unreadableSkipped,

        @Schema(
                description = "Records skipped because they are not verifiably events the ledger recorded (unsigned,"
                        + " signed by an unknown key, changed, or not chaining onto their commitment's previous event)")
        long rejectedSkipped,

        @Schema(
                description = "Events of the ledger the new generation could not apply (open incidents); the rebuild"
                        + " goes on without them and their commitments are stale")
        List<Incident> incidents,

        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String failure) {

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
