package io.commitmentsledger.ledger.commitment;

import org.jspecify.annotations.Nullable;

/**
 * A command broke one of the commitment's rules; nothing was recorded. Status and version are those of the
 * commitment when the command arrived, or null when the command would have created it.
 */
public class CommitmentRuleViolation extends RuntimeException {

    private final CommitmentRule rule;
    private final @Nullable CommitmentStatus status;
    private final @Nullable Long version;

    public CommitmentRuleViolation(
            CommitmentRule rule, @Nullable CommitmentStatus status, @Nullable Long version, String detail) {
        super(detail + " (rule " + rule.ruleName() + ": " + rule.description()
                + (status == null ? ")" : "; the commitment is " + status + " at version " + version + ")"));
        this.rule = rule;
        this.status = status;
        this.version = version;
    }

    public CommitmentRule rule() {
        return rule;
    }

    public @Nullable CommitmentStatus status() {
        return status;
    }

    public @Nullable Long version() {
        return version;
    }
}
