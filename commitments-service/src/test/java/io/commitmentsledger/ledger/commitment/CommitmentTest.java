package io.commitmentsledger.ledger.commitment;

import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.AGREED_ON;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.DSIT;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.ID;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.IN_Q1;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.LATER;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.METI;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.MIC;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.Q1_2024;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.WORKSHOP;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.agree;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.agreed;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.completed;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.confirm;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.confirmed;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.markComplete;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.markedComplete;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.reportProgress;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.scheduleWorkshop;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.withdraw;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.withdrawn;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.workshopCancelled;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.workshopScheduled;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.Target;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.events.TargetAmended;
import io.commitmentsledger.contracts.events.WorkshopCancelled;
import io.commitmentsledger.contracts.events.WorkshopHeld;
import io.commitmentsledger.contracts.events.WorkshopRescheduled;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommitmentTest {

    private AggregateTestFixture<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    private TestExecutor<Commitment> givenConfirmedByBoth() {
        return fixture.given(agreed(), confirmed(METI), confirmed(DSIT));
    }

    private TestExecutor<Commitment> givenCompleted() {
        return fixture.given(
                agreed(),
                confirmed(METI),
                confirmed(DSIT),
                markedComplete(METI),
                markedComplete(DSIT),
                completed(DSIT));
    }

    private static void expectViolation(ResultValidator<Commitment> result, CommitmentRule rule, String state) {
        result.expectNoEvents()
                .expectException(CommitmentRuleViolation.class)
                .expectExceptionMessage(allOf(containsString("rule " + rule.ruleName()), containsString(state)));
    }

    @Nested
    class Agreeing {

        @Test
        void recordsThatBothPartiesAgreed() {
            fixture.givenNoPriorActivity()
                    .when(agree(METI))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(agreed());
        }

        @Test
        void answersVersionZeroLikeEveryOtherCommand() {
            fixture.givenNoPriorActivity()
                    .when(agree(METI))
                    .expectResultMessagePayload(new CommandOutcome(ID, 0, true));
        }

        @Test
        void acceptsEitherPartyAsTheRecorder() {
            fixture.givenNoPriorActivity().when(agree(DSIT)).expectSuccessfulHandlerExecution();
        }

        @Test
        void rejectsAnAgencyActingForNeitherParty() {
            fixture.givenNoPriorActivity()
                    .when(agree(MIC))
                    .expectNoEvents()
                    .expectException(CommitmentRuleViolation.class)
                    .expectExceptionMessage(containsString(CommitmentRule.ACTING_AGENCY_ACTS_FOR_A_PARTY.ruleName()));
        }
    }

    @Nested
    class Confirming {

        @Test
        void recordsTheActingPartysConfirmationAndAnswersTheNewVersion() {
            fixture.given(agreed())
                    .when(confirm(DSIT))
                    .expectEvents(confirmed(DSIT))
                    .expectResultMessagePayload(new CommandOutcome(ID, 1, true));
        }

        @Test
        void answersARepeatedConfirmationWithoutANewEvent() {
            fixture.given(agreed(), confirmed(DSIT))
                    .when(confirm(DSIT))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandOutcome(ID, 1, false));
        }

        @Test
        void rejectsAnAgencyThatDoesNotActForEitherParty() {
            fixture.given(agreed())
                    .when(confirm(MIC))
                    .expectNoEvents()
                    .expectException(CommitmentRuleViolation.class)
                    .expectExceptionMessage(allOf(
                            containsString("rule " + CommitmentRule.ACTING_AGENCY_ACTS_FOR_A_PARTY.ruleName()),
                            not(containsString("AGREED")),
                            not(containsString("version"))));
        }

        @Test
        void rejectsAConfirmationDatedBeforeTheAgreement() {
            expectViolation(
                    fixture.given(agreed()).when(new ConfirmCommitmentCommand(ID, DSIT, AGREED_ON.minusDays(1), null)),
                    CommitmentRule.FACTS_FOLLOW_THE_AGREEMENT,
                    "AGREED");
        }

        @Test
        void rejectsAConfirmationOfACommitmentNeverAgreed() {
            fixture.givenNoPriorActivity()
                    .when(confirm(DSIT))
                    .expectNoEvents()
                    .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        }
    }

    @Nested
    class Completing {

        @Test
        void rejectsCompletionBeforeBothPartiesConfirmed() {
            expectViolation(
                    fixture.given(agreed(), confirmed(METI)).when(markComplete(METI)),
                    CommitmentRule.COMPLETION_REQUIRES_BOTH_CONFIRMATIONS,
                    "AGREED at version 1");
        }

        @Test
        void recordsOnlyTheMarkingWhileTheOtherPartyHasNotMarked() {
            givenConfirmedByBoth()
                    .when(markComplete(METI))
                    .expectEvents(markedComplete(METI))
                    .expectResultMessagePayload(new CommandOutcome(ID, 3, true));
        }

        @Test
        void completesTheCommitmentWhenTheSecondPartyMarksIt() {
            fixture.given(agreed(), confirmed(METI), confirmed(DSIT), markedComplete(METI))
                    .when(markComplete(DSIT))
                    .expectEvents(markedComplete(DSIT), completed(DSIT))
                    .expectResultMessagePayload(new CommandOutcome(ID, 5, true));
        }

        @Test
        void answersARepeatedMarkingWithoutANewEvent() {
            fixture.given(agreed(), confirmed(METI), confirmed(DSIT), markedComplete(METI))
                    .when(markComplete(METI))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandOutcome(ID, 3, false));
        }
    }

    @Nested
    class ClosedCommitments {

        @Test
        void rejectEveryCommandOnceCompleted() {
            expectViolation(
                    givenCompleted().when(reportProgress(METI, LATER)),
                    CommitmentRule.CLOSED_COMMITMENTS_DO_NOT_CHANGE,
                    "COMPLETED");
        }

        @Test
        void answerARepeatedMarkingOnceCompletedWithoutANewEvent() {
            givenCompleted()
                    .when(markComplete(DSIT))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandOutcome(ID, 5, false));
        }

        @Test
        void answerARepeatedConfirmationOnceCompletedWithoutANewEvent() {
            givenCompleted()
                    .when(confirm(METI))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandOutcome(ID, 5, false));
        }

        @Test
        void stillCheckTheExpectedVersionOfARepeatOnceCompleted() {
            givenCompleted()
                    .when(new MarkCommitmentCompleteCommand(
                            ID, "Workshop held in London", DSIT, LATER, ExpectedVersion.anyOf(4)))
                    .expectNoEvents()
                    .expectException(VersionMismatch.class);
        }

        /**
         * Whether the caller may act at all is checked first: an agency of neither party learns nothing of the
         * commitment's state (closed) or version (If-Match) from the answer.
         */
        @Test
        void refuseAnAgencyThatDoesNotActForAPartyBeforeSayingTheCommitmentIsClosedOrAtAnotherVersion() {
            givenCompleted()
                    .when(new ConfirmCommitmentCommand(ID, MIC, LATER, ExpectedVersion.anyOf(99)))
                    .expectNoEvents()
                    .expectException(CommitmentRuleViolation.class)
                    .expectExceptionMessage(
                            containsString("rule " + CommitmentRule.ACTING_AGENCY_ACTS_FOR_A_PARTY.ruleName()));
        }

        @Test
        void refuseAnAgencyThatDoesNotActForAPartyBeforeAnyOtherCheckOfACommand() {
            givenCompleted()
                    .when(new ReportProgressCommand(ID, "Agenda drafted", null, MIC, LATER, ExpectedVersion.anyOf(99)))
                    .expectNoEvents()
                    .expectException(CommitmentRuleViolation.class)
                    .expectExceptionMessage(
                            containsString("rule " + CommitmentRule.ACTING_AGENCY_ACTS_FOR_A_PARTY.ruleName()));
        }

        @Test
        void rejectARepeatByAnAgencyThatDoesNotActForTheParty() {
            givenCompleted()
                    .when(markComplete(MIC))
                    .expectNoEvents()
                    .expectException(CommitmentRuleViolation.class)
                    .expectExceptionMessage(allOf(
                            containsString("rule " + CommitmentRule.ACTING_AGENCY_ACTS_FOR_A_PARTY.ruleName()),
                            not(containsString("COMPLETED"))));
        }

        @Test
        void answerARepeatedWithdrawalByTheSamePartyWithoutANewEvent() {
            fixture.given(agreed(), withdrawn(DSIT))
                    .when(withdraw(DSIT))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandOutcome(ID, 1, false));
        }

        @Test
        void rejectAWithdrawalByTheOtherPartyOnceWithdrawn() {
            expectViolation(
                    fixture.given(agreed(), withdrawn(DSIT)).when(withdraw(METI)),
                    CommitmentRule.CLOSED_COMMITMENTS_DO_NOT_CHANGE,
                    "WITHDRAWN");
        }

        @Test
        void rejectAFirstMarkingOnceWithdrawn() {
            expectViolation(
                    fixture.given(agreed(), confirmed(METI), confirmed(DSIT), withdrawn(DSIT))
                            .when(markComplete(METI)),
                    CommitmentRule.CLOSED_COMMITMENTS_DO_NOT_CHANGE,
                    "WITHDRAWN");
        }

        @Test
        void rejectEveryCommandOnceWithdrawn() {
            expectViolation(
                    fixture.given(agreed(), withdrawn(DSIT)).when(confirm(METI)),
                    CommitmentRule.CLOSED_COMMITMENTS_DO_NOT_CHANGE,
                    "WITHDRAWN");
        }

        @Test
        void withdrawalByAPartyEndsTheCommitment() {
            fixture.given(agreed()).when(withdraw(DSIT)).expectEvents(withdrawn(DSIT));
        }
    }

    @Nested
    class Workshops {

        @Test
        void scheduleAWorkshopHostedByAParty() {
            fixture.given(agreed()).when(scheduleWorkshop(DSIT)).expectEvents(workshopScheduled());
        }

        @Test
        void rejectASecondWorkshopWithTheSameId() {
            expectViolation(
                    fixture.given(agreed(), workshopScheduled()).when(scheduleWorkshop(DSIT)),
                    CommitmentRule.WORKSHOP_IDS_ARE_UNIQUE,
                    "SCHEDULED");
        }

        @Test
        void rejectAHostThatIsNotAParty() {
            expectViolation(
                    fixture.given(agreed())
                            .when(new ScheduleWorkshopCommand(
                                    ID,
                                    WORKSHOP,
                                    "Semiconductor workshop",
                                    IN_Q1,
                                    WorkshopFormat.ONLINE,
                                    null,
                                    new CountryCode("FR"),
                                    DSIT,
                                    AGREED_ON,
                                    null)),
                    CommitmentRule.WORKSHOP_HOST_IS_A_PARTY,
                    "FR is not a party");
        }

        @Test
        void rescheduleAScheduledWorkshop() {
            DateWindow march = new DateWindow(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 6));
            fixture.given(agreed(), workshopScheduled())
                    .when(new RescheduleWorkshopCommand(
                            ID, WORKSHOP, march, WorkshopFormat.HYBRID, "Tokyo", "Venue change", METI, LATER, null))
                    .expectEvents(new WorkshopRescheduled(
                            ID, WORKSHOP, march, WorkshopFormat.HYBRID, "Tokyo", "Venue change", METI, LATER));
        }

        @Test
        void cancelAScheduledWorkshop() {
            fixture.given(agreed(), workshopScheduled())
                    .when(new CancelWorkshopCommand(ID, WORKSHOP, "Venue unavailable", DSIT, LATER, null))
                    .expectEvents(new WorkshopCancelled(ID, WORKSHOP, "Venue unavailable", DSIT, LATER));
        }

        @Test
        void recordThatAScheduledWorkshopWasHeld() {
            fixture.given(agreed(), workshopScheduled())
                    .when(new RecordWorkshopOutcomeCommand(
                            ID, WORKSHOP, "Three projects identified", METI, LATER, null))
                    .expectEvents(new WorkshopHeld(ID, WORKSHOP, "Three projects identified", METI, LATER));
        }

        @Test
        void rejectHoldingACancelledWorkshop() {
            expectViolation(
                    fixture.given(agreed(), workshopScheduled(), workshopCancelled())
                            .when(new RecordWorkshopOutcomeCommand(ID, WORKSHOP, "Held anyway", METI, LATER, null)),
                    CommitmentRule.ONLY_SCHEDULED_WORKSHOPS_CHANGE,
                    "CANCELLED");
        }

        @Test
        void rejectChangesToAnUnknownWorkshop() {
            fixture.given(agreed())
                    .when(new CancelWorkshopCommand(ID, new WorkshopId("no-such-workshop"), "Why", DSIT, LATER, null))
                    .expectNoEvents()
                    .expectException(WorkshopNotFound.class);
        }
    }

    @Nested
    class ProgressAndAmendments {

        @Test
        void recordAProgressReport() {
            fixture.given(agreed())
                    .when(reportProgress(METI, LATER))
                    .expectEvents(new ProgressReported(ID, "Agenda drafted", null, METI, LATER));
        }

        @Test
        void amendTheTargetRecordingThePreviousOne() {
            Target june = Target.on(LocalDate.of(2024, 6, 30));
            fixture.given(agreed())
                    .when(new AmendTargetCommand(ID, june, "Workshop moved", METI, LATER, null))
                    .expectEvents(new TargetAmended(ID, Q1_2024, june, "Workshop moved", METI, LATER));
        }

        @Test
        void rejectAnAmendmentThatKeepsTheTarget() {
            expectViolation(
                    fixture.given(agreed()).when(new AmendTargetCommand(ID, Q1_2024, "No change", METI, LATER, null)),
                    CommitmentRule.AMENDMENT_CHANGES_THE_TARGET,
                    "AGREED");
        }
    }

    @Nested
    class ExpectedVersions {

        @Test
        void applyACommandExpectingTheCurrentVersion() {
            fixture.given(agreed())
                    .when(new ConfirmCommitmentCommand(ID, DSIT, AGREED_ON, ExpectedVersion.anyOf(0)))
                    .expectEvents(new CommitmentConfirmed(ID, DSIT, AGREED_ON));
        }

        @Test
        void rejectACommandExpectingAnOlderVersion() {
            fixture.given(agreed(), confirmed(METI))
                    .when(new ConfirmCommitmentCommand(ID, DSIT, AGREED_ON, ExpectedVersion.anyOf(0)))
                    .expectNoEvents()
                    .expectException(VersionMismatch.class)
                    .expectExceptionMessage(containsString("at version 1"));
        }

        @Test
        void rejectACommandExpectingAVersionNotYetReached() {
            fixture.given(agreed())
                    .when(new ConfirmCommitmentCommand(ID, DSIT, AGREED_ON, ExpectedVersion.anyOf(7)))
                    .expectNoEvents()
                    .expectException(VersionMismatch.class);
        }

        @Test
        void applyACommandWhenAnyOfItsExpectedVersionsIsCurrent() {
            fixture.given(agreed(), confirmed(METI))
                    .when(new ConfirmCommitmentCommand(ID, DSIT, AGREED_ON, ExpectedVersion.anyOf(0, 1)))
                    .expectEvents(new CommitmentConfirmed(ID, DSIT, AGREED_ON));
        }

        @Test
        void rejectACommandThatNoVersionCanSatisfy() {
            fixture.given(agreed())
                    .when(new ConfirmCommitmentCommand(ID, DSIT, AGREED_ON, ExpectedVersion.none()))
                    .expectNoEvents()
                    .expectException(VersionMismatch.class)
                    .expectExceptionMessage(containsString("at version 0"));
        }
    }
}
