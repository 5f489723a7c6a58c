package io.commitmentsledger.ledger.commitment;

import java.util.Locale;

/** The business rules a command on a commitment must keep. Each has a stable name that error responses carry. */
public enum CommitmentRule {
    ACTING_AGENCY_ACTS_FOR_A_PARTY("the acting agency must be one of the agencies of one of the commitment's parties"),
    CLOSED_COMMITMENTS_DO_NOT_CHANGE("nothing changes a completed or withdrawn commitment"),
    FACTS_FOLLOW_THE_AGREEMENT(
            "nothing can happen to a commitment before it was agreed (the first day of its agreement date, such as"
                    + " 2022-01-01 for an agreement in 2022), and no correction of the agreement date may put a"
                    + " recorded fact before it"),
    COMPLETION_REQUIRES_BOTH_CONFIRMATIONS("a commitment can be marked complete only after both parties confirmed it"),
    WORKSHOP_IDS_ARE_UNIQUE("workshop ids are unique within a commitment"),
    WORKSHOP_HOST_IS_A_PARTY("a workshop is hosted by one of the commitment's parties"),
    ONLY_SCHEDULED_WORKSHOPS_CHANGE("only a scheduled workshop can be rescheduled, cancelled or recorded as held"),
    AMENDMENT_CHANGES_THE_TARGET("an amendment must change the target (withdrawing it needs a target to withdraw)"),
    CORRECTION_CHANGES_THE_AGREEMENT_DATE("a correction must change the agreement date");

    private final String description;

    CommitmentRule(String description) {
        this.description = description;
    }

    /** The stable kebab-case name clients can match on, such as {@code completion-requires-both-confirmations}. */
    public String ruleName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }
}
