package io.commitmentsledger.ledger.commitment;

import org.jspecify.annotations.Nullable;

/**
 * A command on an existing commitment. When {@code expectedVersion} is set, the command applies only if the
 * commitment is at one of its versions (optimistic concurrency, {@code If-Match} over HTTP).
 */
public sealed interface VersionedCommand extends CommitmentCommand
        permits ConfirmCommitmentCommand,
                ScheduleWorkshopCommand,
                RescheduleWorkshopCommand,
                CancelWorkshopCommand,
                RecordWorkshopOutcomeCommand,
                ReportProgressCommand,
                MarkCommitmentCompleteCommand,
                AmendTargetCommand,
                CorrectAgreementDateCommand,
                WithdrawCommitmentCommand {

    @Nullable
    ExpectedVersion expectedVersion();
}
