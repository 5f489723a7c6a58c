package io.commitmentsledger.contracts.upcasting;

import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventTypes;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One revision step: reshapes the JSON of an {@code eventType} event at {@code fromRevision} into revision {@code
 * fromRevision + 1}.
 *
 * <p>The JSON is a plain JSON object as Jackson 2 and 3 both read it into a {@code Map}: {@code Map}, {@code List},
 * {@code String}, {@code Number}, {@code Boolean} and {@code null}. The transformation gets a copy of its own, so it
 * may change and return it.
 */
public record Upcaster(
        Class<? extends CommitmentEvent> eventType,
        int fromRevision,
        UnaryOperator<Map<String, @Nullable Object>> transformation) {

    public Upcaster {
        if (fromRevision < 1) {
            throw new IllegalArgumentException("revisions start at 1, not " + fromRevision);
        }
    }

    public String eventName() {
        return EventTypes.name(eventType);
    }
}
