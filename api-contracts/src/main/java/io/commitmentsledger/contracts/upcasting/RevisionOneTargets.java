package io.commitmentsledger.contracts.upcasting;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Targets as revision 1 of {@code CommitmentAgreed} and {@code TargetAmended} wrote them, {@code {"date": "2024-12-31"}}
 * or {@code {"quarter": "2024-Q1"}}, read as revision 2 writes them: the date's text, {@code "2024-12-31"} or {@code
 * "2024-Q1"}. The two revision-1 forms are both forms of a {@code PartialDate}, so the text is kept as it was.
 */
final class RevisionOneTargets {

    private RevisionOneTargets() {}

    /**
     * @throws IllegalArgumentException if {@code target} is not a revision-1 target: an upcaster never guesses
     */
    static @Nullable Object asPartialDate(@Nullable Object target) {
        if (target == null) {
            return null;
        }
        if (target instanceof Map<?, ?> object && object.size() == 1) {
            Object text = object.containsKey("date") ? object.get("date") : object.get("quarter");
            if (text instanceof String) {
                return text;
            }
        }
        throw new IllegalArgumentException(
                "a revision-1 target is {\"date\": ...} or {\"quarter\": ...}, not " + target);
    }
}
