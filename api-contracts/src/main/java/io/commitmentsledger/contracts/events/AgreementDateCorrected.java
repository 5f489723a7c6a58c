package io.commitmentsledger.contracts.events;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.Checks;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import java.time.LocalDate;

/**
 * The commitment's agreement date was recorded as {@code previousAgreedOn} and is corrected to {@code agreedOn}, for
 * {@code reason}, on {@code occurredOn}. The agreement itself stays as it was recorded: history is corrected by a new
 * fact, never rewritten. Readers show {@code agreedOn} from then on.
 */
@EventRevision("1")
public record AgreementDateCorrected(
        CommitmentId commitmentId,
        PartialDate previousAgreedOn,
        PartialDate agreedOn,
        String reason,
        ActingAgency actor,
        LocalDate occurredOn)
        implements CommitmentEvent {

    public AgreementDateCorrected {
        Checks.required(previousAgreedOn, "previous agreement date");
        Checks.required(agreedOn, "agreement date");
        if (previousAgreedOn.equals(agreedOn)) {
            throw new IllegalArgumentException("a correction must change the agreement date, which is " + agreedOn);
        }
        Checks.required(reason, "reason");
    }

    @Override
    public PartialDate date() {
        return PartialDate.day(occurredOn);
    }
}
