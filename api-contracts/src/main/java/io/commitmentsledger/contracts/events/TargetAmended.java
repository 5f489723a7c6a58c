package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The commitment's target moved from {@code previousTarget} to {@code newTarget}, for {@code reason}. Either may be
 * absent: a target set where there was none, or withdrawn ("the source gives no date"), which is how a target recorded
 * without a source is corrected.
 *
 * <p>Revision 2: targets are as precise as the source and may be absent. Revision 1 required both, written {@code
 * {"date": ...}} or {@code {"quarter": ...}}; its records are upcast.
 */
@EventRevision("2")
public record TargetAmended(
        CommitmentId commitmentId,
        @Nullable PartialDate previousTarget,
        @Nullable PartialDate newTarget,
        String reason,
        ActingAgency actor,
        LocalDate occurredOn)
        implements CommitmentEvent {

    public TargetAmended {
        if (Objects.equals(previousTarget, newTarget)) {
            throw new IllegalArgumentException(
                    "an amendment must change the target, which is " + targetText(newTarget));
        }
        Checks.required(reason, "reason");
    }

    @Override
    public PartialDate date() {
        return PartialDate.day(occurredOn);
    }

    private static String targetText(@Nullable PartialDate target) {
        return target == null ? "not set" : target.toString();
    }
}
