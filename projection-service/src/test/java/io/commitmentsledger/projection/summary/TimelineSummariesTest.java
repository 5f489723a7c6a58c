package io.commitmentsledger.projection.summary;

import static io.commitmentsledger.projection.summary.EventFixtures.DSIT;
import static io.commitmentsledger.projection.summary.EventFixtures.ID;
import static io.commitmentsledger.projection.summary.EventFixtures.METI;
import static io.commitmentsledger.projection.summary.EventFixtures.MINISTERIAL_MEETING;
import static io.commitmentsledger.projection.summary.EventFixtures.WORKSHOP;
import static io.commitmentsledger.projection.summary.EventFixtures.agreed;
import static io.commitmentsledger.projection.summary.EventFixtures.completed;
import static io.commitmentsledger.projection.summary.EventFixtures.confirmed;
import static io.commitmentsledger.projection.summary.EventFixtures.markedComplete;
import static io.commitmentsledger.projection.summary.EventFixtures.progressReported;
import static io.commitmentsledger.projection.summary.EventFixtures.targetAmended;
import static io.commitmentsledger.projection.summary.EventFixtures.withdrawn;
import static io.commitmentsledger.projection.summary.EventFixtures.workshopCancelled;
import static io.commitmentsledger.projection.summary.EventFixtures.workshopHeld;
import static io.commitmentsledger.projection.summary.EventFixtures.workshopRescheduled;
import static io.commitmentsledger.projection.summary.EventFixtures.workshopScheduled;
import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.events.WorkshopRescheduled;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TimelineSummariesTest {

    private static final LocalDate FEBRUARY = LocalDate.of(2024, 2, 10);

    static List<Named<CommitmentEvent>> everyType() {
        return EventFixtures.oneOfEach();
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void summarizesEveryEventTypeAsOneNonBlankLineNamingTheActor(CommitmentEvent event) {
        String line = TimelineSummaries.summarize(event);

        assertThat(line)
                .isNotBlank()
                .doesNotContain("\n", "\r")
                .contains(event.actor().toString());
        assertThat(line.length()).isLessThanOrEqualTo(TimelineSummaries.MAX_LENGTH);
    }

    @Test
    void hasAnExampleOfEveryPermittedEventType() {
        assertThat(everyType().stream().map(Named::getPayload).<Class<?>>map(Object::getClass))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(CommitmentEvent.class.getPermittedSubclasses()));
    }

    @Test
    void namesTheOtherPartyAndTheTargetOfAnAgreement() {
        assertThat(TimelineSummaries.summarize(agreed()))
                .isEqualTo("Agreed by JP/METI with GB: Industry-academia-government semiconductor workshop,"
                        + " due 2024-Q1");
    }

    @Test
    void namesTheConfirmingAgency() {
        assertThat(TimelineSummaries.summarize(confirmed(DSIT, MINISTERIAL_MEETING)))
                .isEqualTo("Confirmed by GB/DSIT");
    }

    @Test
    void describesAScheduledWorkshopWithWindowFormatPlaceAndHost() {
        assertThat(TimelineSummaries.summarize(workshopScheduled()))
                .isEqualTo("Workshop 'Semiconductor workshop' scheduled by GB/DSIT for 2024-01-01 to 2024-03-31"
                        + " (in person, London), hosted by GB");
    }

    @Test
    void describesASingleDayWindowAsOnThatDay() {
        String line = TimelineSummaries.summarize(EventFixtures.workshopScheduled(
                WORKSHOP, "Semiconductor workshop", DateWindow.on(LocalDate.of(2024, 2, 20)), FEBRUARY));

        assertThat(line).contains("scheduled by GB/DSIT on 2024-02-20 (in person, London)");
    }

    @Test
    void describesARescheduledWorkshopWithItsReason() {
        assertThat(TimelineSummaries.summarize(workshopRescheduled()))
                .isEqualTo("Workshop semiconductor-workshop-2024-q1 rescheduled by GB/DSIT to 2024-03-05 to 2024-03-06"
                        + " (hybrid, Imperial College London): Venue found");
    }

    @Test
    void describesARescheduledWorkshopOnOneDayWithoutALocation() {
        WorkshopRescheduled online = new WorkshopRescheduled(
                ID,
                WORKSHOP,
                DateWindow.on(LocalDate.of(2024, 3, 6)),
                WorkshopFormat.ONLINE,
                null,
                "Travel restrictions",
                DSIT,
                FEBRUARY);

        assertThat(TimelineSummaries.summarize(online))
                .isEqualTo("Workshop semiconductor-workshop-2024-q1 rescheduled by GB/DSIT to take place on 2024-03-06"
                        + " (online): Travel restrictions");
    }

    @Test
    void givesTheReasonAWorkshopWasCancelled() {
        assertThat(TimelineSummaries.summarize(workshopCancelled()))
                .isEqualTo("Workshop semiconductor-workshop-2024-q1 cancelled by JP/METI:"
                        + " Merged into the next ministerial meeting");
    }

    @Test
    void givesTheOutcomeOfAHeldWorkshop() {
        assertThat(TimelineSummaries.summarize(workshopHeld()))
                .isEqualTo("Workshop semiconductor-workshop-2024-q1 held (recorded by GB/DSIT):"
                        + " Joint R&D and skills priorities identified");
    }

    @Test
    void linksTheEvidenceOfAProgressReport() {
        assertThat(TimelineSummaries.summarize(progressReported("Agenda drafted", FEBRUARY)))
                .isEqualTo("Progress reported by JP/METI: Agenda drafted"
                        + " (evidence: https://www.meti.go.jp/english/press/2024/0116_002.html)");
    }

    @Test
    void leavesOutEvidenceThatIsNotThere() {
        assertThat(TimelineSummaries.summarize(new ProgressReported(ID, "Speakers confirmed", null, DSIT, FEBRUARY)))
                .isEqualTo("Progress reported by GB/DSIT: Speakers confirmed");
    }

    @Test
    void givesTheEvidenceOfACompletionMarking() {
        assertThat(TimelineSummaries.summarize(markedComplete(DSIT, FEBRUARY)))
                .isEqualTo("Marked complete by GB/DSIT: Workshop held in London");
    }

    @Test
    void saysBothPartiesMarkedACompletedCommitmentComplete() {
        assertThat(TimelineSummaries.summarize(completed(DSIT, FEBRUARY)))
                .isEqualTo("Completed: both parties marked it complete (the second marking by GB/DSIT)");
    }

    @Test
    void givesTheOldAndNewTargetOfAnAmendment() {
        assertThat(TimelineSummaries.summarize(targetAmended(PartialDate.parse("2024-06-30"))))
                .isEqualTo("Target moved from 2024-Q1 to 2024-06-30 by JP/METI: Speakers unavailable in March");
    }

    @Test
    void saysATargetWasWithdrawnAndWhy() {
        assertThat(TimelineSummaries.summarize(
                        targetAmended(PartialDate.parse("2024-12-31"), null, "The source gives no date")))
                .isEqualTo("Target withdrawn by JP/METI (was 2024-12-31), no date set: The source gives no date");
    }

    @Test
    void saysATargetWasSetWhereThereWasNone() {
        assertThat(TimelineSummaries.summarize(targetAmended(null, PartialDate.parse("2025"), "Set at the review")))
                .isEqualTo("Target set to 2025 by JP/METI: Set at the review");
    }

    @Test
    void saysAnAgreementWithNoTargetHasNoDateSet() {
        assertThat(TimelineSummaries.summarize(agreed(null, PartialDate.parse("2022"))))
                .isEqualTo("Agreed by JP/METI with GB: Industry-academia-government semiconductor workshop,"
                        + " no date set");
        assertThat(TimelineSummaries.summarize(agreed())).endsWith("semiconductor workshop, due 2024-Q1");
    }

    @Test
    void givesTheOldAndNewAgreementDateOfACorrectionAndWhy() {
        assertThat(TimelineSummaries.summarize(EventFixtures.agreementDateCorrected(PartialDate.parse("2024-01"))))
                .isEqualTo("Agreement date corrected from 2024-01-16 to 2024-01 by JP/METI: The source gives only the"
                        + " month");
    }

    @Test
    void givesTheReasonForAWithdrawal() {
        assertThat(TimelineSummaries.summarize(withdrawn()))
                .isEqualTo("Withdrawn by GB/DSIT: Superseded by a broader commitment");
    }

    @Test
    void truncatesALongNoteWithAnEllipsis() {
        String note = "Agenda drafted with industry and academia. ".repeat(20);

        String line = TimelineSummaries.summarize(new ProgressReported(ID, note, null, METI, FEBRUARY));

        assertThat(line)
                .startsWith("Progress reported by JP/METI: Agenda drafted with industry")
                .endsWith("…");
        assertThat(line.length()).isLessThanOrEqualTo(TimelineSummaries.MAX_LENGTH);
    }

    @Test
    void keepsTheEvidenceAfterATruncatedNote() {
        String line =
                TimelineSummaries.summarize(progressReported("Follow-up meetings arranged. ".repeat(20), FEBRUARY));

        assertThat(line).contains("… (evidence: https://www.meti.go.jp/").endsWith(")");
        assertThat(line.length()).isLessThanOrEqualTo(TimelineSummaries.MAX_LENGTH);
    }

    @Test
    void replacesLineBreaksInFreeTextWithSpaces() {
        String line = TimelineSummaries.summarize(
                new ProgressReported(ID, "Agenda drafted.\r\nSpeakers\n\n invited.\u2028Done", null, METI, FEBRUARY));

        assertThat(line).isEqualTo("Progress reported by JP/METI: Agenda drafted. Speakers invited. Done");
    }

    @Test
    void neverSplitsACharacterWhenTruncating() {
        String line = TimelineSummaries.summarize(new ProgressReported(ID, "🎉".repeat(150), null, METI, FEBRUARY));

        assertThat(line.length()).isLessThanOrEqualTo(TimelineSummaries.MAX_LENGTH);
        assertThat(line.codePoints()
                        .filter(codePoint ->
                                codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE))
                .isEmpty();
    }

    @Test
    void keepsEveryLineWithinTheLimitWhenAllFreeTextIsLong() {
        String longText = "x".repeat(1000);
        WorkshopRescheduled rescheduled = new WorkshopRescheduled(
                ID,
                WORKSHOP,
                DateWindow.on(LocalDate.of(2024, 3, 6)),
                WorkshopFormat.IN_PERSON,
                longText,
                longText,
                DSIT,
                FEBRUARY);

        assertThat(TimelineSummaries.summarize(rescheduled))
                .hasSizeLessThanOrEqualTo(TimelineSummaries.MAX_LENGTH)
                .contains("GB/DSIT")
                .endsWith("…");
        assertThat(TimelineSummaries.summarize(
                        EventFixtures.workshopScheduled(WORKSHOP, longText, DateWindow.on(FEBRUARY), FEBRUARY)))
                .hasSizeLessThanOrEqualTo(TimelineSummaries.MAX_LENGTH)
                .endsWith("hosted by GB");
    }
}
