package io.commitmentsledger.ledger.commitment;

import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.AGREED_ON;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.DSIT;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.ID;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.IN_Q1;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.LATER;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.METI;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.MIC;
import static io.commitmentsledger.ledger.commitment.CommitmentFixtures.NAMES;
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

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.contracts.events.AgreementDateCorrected;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.events.TargetAmended;
import io.commitmentsledger.contracts.events.WorkshopCancelled;
import io.commitmentsledger.contracts.events.WorkshopHeld;
import io.commitmentsledger.contracts.events.WorkshopRescheduled;
import java.time.LocalDate;
import java.util.List;
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
        fixture.registerInjectableResource(NAMES);
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

        @Test
        void recordsAnAgreementWithoutATargetWhenTheSourceSetsNone() {
            fixture.givenNoPriorActivity()
                    .when(agree(METI, null, PartialDate.day(AGREED_ON)))
                    .expectEvents(CommitmentFixtures.agreed(null, PartialDate.day(AGREED_ON)));
        }

        @Test
        void recordsTheAgreementDateAsPreciseAsTheSource() {
            fixture.givenNoPriorActivity()
                    .when(agree(METI, PartialDate.parse("2024"), PartialDate.parse("2022")))
                    .expectEvents(CommitmentFixtures.agreed(PartialDate.parse("2024"), PartialDate.parse("2022")));
        }

        @Test
        void refusesAnAgreementNamingWhatTheNamesRegistryDoesNotHoldListingEachName() {
            AgreeCommitmentCommand unregistered = new AgreeCommitmentCommand(
                    ID,
                    new PartnershipId("jp-uk-digital-partnership"),
                    new Area("quantum"),
                    "Quantum cooperation",
                    null,
                    List.of(
                            new Party(new CountryCode("JP"), List.of(new AgencyCode("METI"), new AgencyCode("MOFA"))),
                            new Party(new CountryCode("FR"), List.of(new AgencyCode("DGE")))),
                    null,
                    agree(METI).source(),
                    METI,
                    PartialDate.day(AGREED_ON));
            fixture.givenNoPriorActivity()
                    .when(unregistered)
                    .expectNoEvents()
                    .expectException(NamesNotRegistered.class)
                    .expectExceptionMessage(allOf(
                            containsString("area 'quantum'"),
                            containsString("agency 'MOFA'"),
                            containsString("country 'FR'")));
        }

        @Test
        void refusesAnUnregisteredPartnership() {
            AgreeCommitmentCommand command = agree(METI);
            fixture.givenNoPriorActivity()
                    .when(new AgreeCommitmentCommand(
                            ID,
                            new PartnershipId("jp-fr-partnership"),
                            command.area(),
                            command.title(),
                            null,
                            command.parties(),
                            null,
                            command.source(),
                            METI,
                            command.agreedOn()))
                    .expectNoEvents()
                    .expectException(NamesNotRegistered.class)
                    .expectExceptionMessage(containsString("partnership 'jp-fr-partnership' is not registered"));
        }

        /** An agency of neither party learns nothing of the registry: the party check comes first. */
        @Test
        void refusesAnAgencyActingForNeitherPartyBeforeCheckingTheNames() {
            AgreeCommitmentCommand command = agree(METI);
            fixture.givenNoPriorActivity()
                    .when(new AgreeCommitmentCommand(
                            ID,
                            new PartnershipId("jp-fr-partnership"),
                            command.area(),
                            command.title(),
                            null,
                            command.parties(),
                            null,
                            command.source(),
                            ActingAgency.parse("FR/DGE"),
                            command.agreedOn()))
                    .expectNoEvents()
                    .expectException(CommitmentRuleViolation.class)
                    .expectExceptionMessage(containsString(CommitmentRule.ACTING_AGENCY_ACTS_FOR_A_PARTY.ruleName()));
        }

        @Test
        void acceptsFactsFromTheFirstDayOfAnAgreementDatedOnlyByItsYear() {
            fixture.given(CommitmentFixtures.agreed(null, PartialDate.parse("2022")))
                    .when(new ConfirmCommitmentCommand(ID, DSIT, LocalDate.of(2022, 1, 1), null))
                    .expectEvents(new CommitmentConfirmed(ID, DSIT, LocalDate.of(2022, 1, 1)));
        }

        @Test
        void refusesAFactBeforeTheFirstDayOfAnAgreementDatedOnlyByItsYear() {
            expectViolation(
                    fixture.given(CommitmentFixtures.agreed(null, PartialDate.parse("2022")))
                            .when(new ConfirmCommitmentCommand(ID, DSIT, LocalDate.of(2021, 12, 31), null)),
                    CommitmentRule.FACTS_FOLLOW_THE_AGREEMENT,
                    "in 2022 (from 2022-01-01)");
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
            PartialDate june = PartialDate.parse("2024-06-30");
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

        @Test
        void withdrawTheTargetWithAReason() {
            fixture.given(agreed())
                    .when(new AmendTargetCommand(ID, null, "The source gives no date", METI, LATER, null))
                    .expectEvents(new TargetAmended(ID, Q1_2024, null, "The source gives no date", METI, LATER))
                    .expectResultMessagePayload(new CommandOutcome(ID, 1, true));
        }

        @Test
        void setATargetWhereThereWasNone() {
            fixture.given(CommitmentFixtures.agreed(null, PartialDate.day(AGREED_ON)))
                    .when(new AmendTargetCommand(
                            ID, PartialDate.parse("2025"), "Ministers set a year", DSIT, LATER, null))
                    .expectEvents(new TargetAmended(
                            ID, null, PartialDate.parse("2025"), "Ministers set a year", DSIT, LATER));
        }

        @Test
        void rejectWithdrawingATargetThatIsNotSet() {
            expectViolation(
                    fixture.given(CommitmentFixtures.agreed(null, PartialDate.day(AGREED_ON)))
                            .when(new AmendTargetCommand(ID, null, "The source gives no date", METI, LATER, null)),
                    CommitmentRule.AMENDMENT_CHANGES_THE_TARGET,
                    "no target to withdraw");
        }

        @Test
        void rejectWithdrawingATargetAlreadyWithdrawn() {
            expectViolation(
                    fixture.given(
                                    agreed(),
                                    new TargetAmended(ID, Q1_2024, null, "The source gives no date", METI, LATER))
                            .when(new AmendTargetCommand(ID, null, "Again", METI, LATER, null)),
                    CommitmentRule.AMENDMENT_CHANGES_THE_TARGET,
                    "AGREED at version 1");
        }

        @Test
        void treatADayAndTheQuarterItEndsAsDifferentTargets() {
            PartialDate lastDayOfQ1 = PartialDate.parse("2024-03-31");
            fixture.given(agreed())
                    .when(new AmendTargetCommand(ID, lastDayOfQ1, "A day was set", METI, LATER, null))
                    .expectEvents(new TargetAmended(ID, Q1_2024, lastDayOfQ1, "A day was set", METI, LATER));
        }
    }

    @Nested
    class AgreementDateCorrections {

        private static final PartialDate INVENTED = PartialDate.parse("2022-12-31");
        private static final PartialDate YEAR = PartialDate.parse("2022");
        private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
        private static final String REASON = "The source says only that it was concluded in 2022";

        private CorrectAgreementDateCommand correct(ActingAgency actor, PartialDate agreedOn) {
            return new CorrectAgreementDateCommand(ID, agreedOn, REASON, actor, TODAY, null);
        }

        @Test
        void recordTheAgreementDateAsTheSourceGivesItWithThePreviousOne() {
            fixture.given(CommitmentFixtures.agreed(null, INVENTED))
                    .when(correct(DSIT, YEAR))
                    .expectEvents(new AgreementDateCorrected(ID, INVENTED, YEAR, REASON, DSIT, TODAY))
                    .expectResultMessagePayload(new CommandOutcome(ID, 1, true));
        }

        @Test
        void rejectACorrectionToTheRecordedDate() {
            expectViolation(
                    fixture.given(CommitmentFixtures.agreed(null, YEAR)).when(correct(METI, YEAR)),
                    CommitmentRule.CORRECTION_CHANGES_THE_AGREEMENT_DATE,
                    "already 2022");
        }

        @Test
        void rejectACorrectionToADateAlreadyCorrectedTo() {
            expectViolation(
                    fixture.given(
                                    CommitmentFixtures.agreed(null, INVENTED),
                                    new AgreementDateCorrected(ID, INVENTED, YEAR, REASON, DSIT, TODAY))
                            .when(correct(METI, YEAR)),
                    CommitmentRule.CORRECTION_CHANGES_THE_AGREEMENT_DATE,
                    "AGREED at version 1");
        }

        @Test
        void letFactsFollowTheCorrectedAgreementDate() {
            LocalDate june2022 = LocalDate.of(2022, 6, 1);
            fixture.given(
                            CommitmentFixtures.agreed(null, INVENTED),
                            new AgreementDateCorrected(ID, INVENTED, YEAR, REASON, DSIT, TODAY))
                    .when(new ConfirmCommitmentCommand(ID, METI, june2022, null))
                    .expectEvents(new CommitmentConfirmed(ID, METI, june2022));
        }

        @Test
        void rejectACorrectionThatPutsTheAgreementAfterARecordedFact() {
            expectViolation(
                    fixture.given(agreed(), confirmed(METI)).when(correct(METI, PartialDate.parse("2024-02"))),
                    CommitmentRule.FACTS_FOLLOW_THE_AGREEMENT,
                    "fact recorded as happening on 2024-01-16");
        }

        /** Facts the commitment keeps no state for (a progress report) bound a correction too. */
        @Test
        void rejectACorrectionThatPutsTheAgreementAfterAProgressReport() {
            expectViolation(
                    fixture.given(agreed(), new ProgressReported(ID, "Agenda drafted", null, METI, LATER))
                            .when(correct(METI, PartialDate.parse("2024-03"))),
                    CommitmentRule.FACTS_FOLLOW_THE_AGREEMENT,
                    "fact recorded as happening on " + LATER);
        }

        @Test
        void rejectACorrectionThatPutsTheAgreementAfterTheCorrectionItself() {
            expectViolation(
                    fixture.given(agreed())
                            .when(new CorrectAgreementDateCommand(
                                    ID, PartialDate.parse("2024-03"), REASON, METI, LATER, null)),
                    CommitmentRule.FACTS_FOLLOW_THE_AGREEMENT,
                    "the correction itself, on " + LATER);
        }

        @Test
        void rejectACorrectionDatedBeforeTheAgreement() {
            expectViolation(
                    fixture.given(agreed())
                            .when(new CorrectAgreementDateCommand(
                                    ID, PartialDate.parse("2024"), REASON, METI, AGREED_ON.minusDays(1), null)),
                    CommitmentRule.FACTS_FOLLOW_THE_AGREEMENT,
                    "before the agreement on " + AGREED_ON);
        }

        @Test
        void rejectACorrectionOfAClosedCommitment() {
            expectViolation(
                    givenCompleted().when(correct(METI, PartialDate.parse("2024-01"))),
                    CommitmentRule.CLOSED_COMMITMENTS_DO_NOT_CHANGE,
                    "COMPLETED");
        }

        @Test
        void refuseAnAgencyThatDoesNotActForAPartyFirst() {
            fixture.given(agreed())
                    .when(new CorrectAgreementDateCommand(
                            ID, PartialDate.parse("2024"), REASON, MIC, TODAY, ExpectedVersion.anyOf(99)))
                    .expectNoEvents()
                    .expectException(CommitmentRuleViolation.class)
                    .expectExceptionMessage(
                            containsString("rule " + CommitmentRule.ACTING_AGENCY_ACTS_FOR_A_PARTY.ruleName()));
        }

        @Test
        void applyOnlyAtTheExpectedVersion() {
            fixture.given(agreed(), confirmed(METI))
                    .when(new CorrectAgreementDateCommand(
                            ID, PartialDate.parse("2024"), REASON, METI, TODAY, ExpectedVersion.anyOf(0)))
                    .expectNoEvents()
                    .expectException(VersionMismatch.class);
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
