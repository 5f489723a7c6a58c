package io.commitmentsledger.projection.summary;

import static io.commitmentsledger.projection.summary.EventFixtures.DSIT;
import static io.commitmentsledger.projection.summary.EventFixtures.EARLY_MARCH;
import static io.commitmentsledger.projection.summary.EventFixtures.FOLLOW_UP;
import static io.commitmentsledger.projection.summary.EventFixtures.IN_Q1;
import static io.commitmentsledger.projection.summary.EventFixtures.METI;
import static io.commitmentsledger.projection.summary.EventFixtures.MINISTERIAL_MEETING;
import static io.commitmentsledger.projection.summary.EventFixtures.Q1_2024;
import static io.commitmentsledger.projection.summary.EventFixtures.WORKSHOP;
import static io.commitmentsledger.projection.summary.EventFixtures.agreed;
import static io.commitmentsledger.projection.summary.EventFixtures.applied;
import static io.commitmentsledger.projection.summary.EventFixtures.completed;
import static io.commitmentsledger.projection.summary.EventFixtures.confirmed;
import static io.commitmentsledger.projection.summary.EventFixtures.history;
import static io.commitmentsledger.projection.summary.EventFixtures.journey;
import static io.commitmentsledger.projection.summary.EventFixtures.markedComplete;
import static io.commitmentsledger.projection.summary.EventFixtures.progressReported;
import static io.commitmentsledger.projection.summary.EventFixtures.recordedAt;
import static io.commitmentsledger.projection.summary.EventFixtures.targetAmended;
import static io.commitmentsledger.projection.summary.EventFixtures.withdrawn;
import static io.commitmentsledger.projection.summary.EventFixtures.workshopCancelled;
import static io.commitmentsledger.projection.summary.EventFixtures.workshopHeld;
import static io.commitmentsledger.projection.summary.EventFixtures.workshopRescheduled;
import static io.commitmentsledger.projection.summary.EventFixtures.workshopScheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.WorkshopHeld;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;

class SummaryFoldTest {

    private static final LocalDate LATE_JANUARY = LocalDate.of(2024, 1, 25);

    private static CommitmentSummary fold(CommitmentEvent... events) {
        return SummaryFold.fold(history(events)).orElseThrow();
    }

    private static CommitmentSummary confirmedByBoth(CommitmentEvent... more) {
        CommitmentEvent[] events = new CommitmentEvent[3 + more.length];
        events[0] = agreed();
        events[1] = confirmed(METI, MINISTERIAL_MEETING);
        events[2] = confirmed(DSIT, LocalDate.of(2024, 1, 18));
        System.arraycopy(more, 0, events, 3, more.length);
        return fold(events);
    }

    @Test
    void startsFromTheAgreement() {
        CommitmentSummary summary = fold(agreed());

        assertThat(summary.commitmentId()).isEqualTo("jpuk-2024-semiconductor-workshop");
        assertThat(summary.partnershipId()).isEqualTo("jp-uk-digital-partnership");
        assertThat(summary.area()).isEqualTo("semiconductors");
        assertThat(summary.title()).isEqualTo("Industry-academia-government semiconductor workshop");
        assertThat(summary.description()).isEqualTo("Explore further semiconductor cooperation initiatives");
        assertThat(summary.status()).isEqualTo(CommitmentStatus.AGREED);
        assertThat(summary.target()).isEqualTo(Q1_2024);
        assertThat(summary.source()).isEqualTo(agreed().source());
        assertThat(summary.agreedOn()).isEqualTo(PartialDate.day(MINISTERIAL_MEETING));
        assertThat(summary.workshops()).isEmpty();
        assertThat(summary.lastActivityOn()).isEqualTo(PartialDate.day(MINISTERIAL_MEETING));
    }

    @Test
    void listsThePartiesWithTheirAgenciesAndNothingDoneYet() {
        assertThat(fold(agreed()).parties())
                .containsExactly(
                        new PartyState("JP", List.of("METI"), null, null),
                        new PartyState("GB", List.of("DSIT"), null, null));
    }

    @Test
    void rejectsAHistoryThatDoesNotStartWithAnAgreement() {
        assertThatThrownBy(() -> fold(confirmed(METI, MINISTERIAL_MEETING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with CommitmentAgreed")
                .hasMessageContaining("CommitmentConfirmed");
    }

    @Test
    void rejectsASecondAgreement() {
        assertThatThrownBy(() -> fold(agreed(), agreed()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already agreed");
    }

    @Test
    void rejectsAnEventOfAnotherCommitment() {
        CommitmentEvent other =
                new CommitmentConfirmed(new CommitmentId("jpuk-2024-open-ran"), METI, MINISTERIAL_MEETING);

        assertThatThrownBy(() -> fold(agreed(), other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jpuk-2024-open-ran");
    }

    @Test
    void rejectsAConfirmationByACountryThatIsNotAParty() {
        assertThatThrownBy(() -> fold(agreed(), confirmed(ActingAgency.parse("FR/DGE"), MINISTERIAL_MEETING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FR is not a party");
    }

    @Test
    void recordsWhenEachPartyConfirmed() {
        CommitmentSummary summary = confirmedByBoth();

        assertThat(summary.parties())
                .extracting(PartyState::country, PartyState::confirmedOn)
                .containsExactly(tuple("JP", MINISTERIAL_MEETING), tuple("GB", LocalDate.of(2024, 1, 18)));
    }

    @Test
    void staysAgreedWhileOnlyOnePartyHasConfirmed() {
        assertThat(fold(agreed(), confirmed(DSIT, MINISTERIAL_MEETING)).status())
                .isEqualTo(CommitmentStatus.AGREED);
    }

    @Test
    void confirmsOnceBothPartiesHaveConfirmed() {
        assertThat(confirmedByBoth().status()).isEqualTo(CommitmentStatus.CONFIRMED);
    }

    @Test
    void keepsTheFirstConfirmationDateOfAParty() {
        CommitmentSummary summary =
                fold(agreed(), confirmed(METI, MINISTERIAL_MEETING), confirmed(METI, LocalDate.of(2024, 2, 1)));

        assertThat(summary.parties().get(0).confirmedOn()).isEqualTo(MINISTERIAL_MEETING);
    }

    @Test
    void recordsWhenEachPartyMarkedItComplete() {
        CommitmentSummary summary = confirmedByBoth(markedComplete(METI, LocalDate.of(2024, 3, 20)));

        assertThat(summary.parties())
                .extracting(PartyState::markedCompleteOn)
                .containsExactly(LocalDate.of(2024, 3, 20), null);
    }

    @Test
    void staysConfirmedWhenOnlyOnePartyMarkedItComplete() {
        assertThat(confirmedByBoth(markedComplete(METI, LocalDate.of(2024, 3, 20)))
                        .status())
                .isEqualTo(CommitmentStatus.CONFIRMED);
    }

    @Test
    void completesOnCompletion() {
        CommitmentSummary summary = confirmedByBoth(
                markedComplete(METI, LocalDate.of(2024, 3, 20)),
                markedComplete(DSIT, LocalDate.of(2024, 3, 28)),
                completed(DSIT, LocalDate.of(2024, 3, 28)));

        assertThat(summary.status()).isEqualTo(CommitmentStatus.COMPLETED);
    }

    @Test
    void withdrawsOnWithdrawal() {
        assertThat(fold(agreed(), withdrawn()).status()).isEqualTo(CommitmentStatus.WITHDRAWN);
    }

    @Test
    void movesTheTargetOnAmendment() {
        PartialDate endOfJune = PartialDate.parse("2024-06-30");

        assertThat(fold(agreed(), targetAmended(endOfJune)).target()).isEqualTo(endOfJune);
    }

    @Test
    void keepsTheTargetAsPreciseAsTheSourceGivesIt() {
        CommitmentSummary summary = fold(agreed(PartialDate.parse("2025"), PartialDate.parse("2022")));

        assertThat(summary.target()).hasToString("2025");
        assertThat(summary.deadline()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(summary.agreedOn()).hasToString("2022");
        assertThat(summary.lastActivityOn()).hasToString("2022");
        assertThat(summary.overdue(LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(summary.overdue(LocalDate.of(2026, 1, 1))).isTrue();
    }

    @Test
    void aCommitmentWithNoDateSetHasNoDeadlineAndIsNeverOverdue() {
        CommitmentSummary summary = fold(agreed(null, PartialDate.parse("2022")));

        assertThat(summary.target()).isNull();
        assertThat(summary.deadline()).isNull();
        assertThat(summary.overdue(LocalDate.of(2999, 1, 1))).isFalse();
    }

    @Test
    void withdrawsTheTargetSoThatItIsNoLongerOverdue() {
        CommitmentSummary invented =
                fold(agreed(PartialDate.parse("2024-12-31"), PartialDate.day(MINISTERIAL_MEETING)));
        assertThat(invented.overdue(LocalDate.of(2026, 11, 27))).isTrue();

        CommitmentSummary withdrawn = SummaryFold.apply(
                invented, applied(targetAmended(PartialDate.parse("2024-12-31"), null, "The source gives no date"), 1));

        assertThat(withdrawn.target()).isNull();
        assertThat(withdrawn.deadline()).isNull();
        assertThat(withdrawn.overdue(LocalDate.of(2026, 11, 27))).isFalse();
    }

    @Test
    void setsATargetWhereThereWasNone() {
        CommitmentSummary summary = fold(
                agreed(null, PartialDate.day(MINISTERIAL_MEETING)),
                targetAmended(null, PartialDate.parse("2025"), "Date set at the review"));

        assertThat(summary.target()).hasToString("2025");
        assertThat(summary.deadline()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void correctsTheAgreementDateAndKeepsItsPrecision() {
        CommitmentSummary summary = fold(
                agreed(null, PartialDate.parse("2022-12-31")),
                new io.commitmentsledger.contracts.events.AgreementDateCorrected(
                        EventFixtures.ID,
                        PartialDate.parse("2022-12-31"),
                        PartialDate.parse("2022"),
                        "The source gives only the year",
                        METI,
                        LocalDate.of(2026, 11, 27)));

        assertThat(summary.agreedOn()).hasToString("2022");
        assertThat(summary.agreedOn().precision()).isEqualTo(PartialDate.Precision.YEAR);
        assertThat(summary.lastActivityOn()).hasToString("2026-11-27");
        assertThat(summary.version()).isEqualTo(1);
    }

    @Test
    void takesAFinerOrLaterDateAsTheLastActivity() {
        CommitmentSummary summary =
                fold(agreed(null, PartialDate.parse("2024")), confirmed(METI, LocalDate.of(2024, 1, 1)));

        assertThat(summary.lastActivityOn()).hasToString("2024-01-01");
        assertThat(fold(agreed(null, PartialDate.parse("2024-Q2")), confirmed(METI, LocalDate.of(2024, 3, 1)))
                        .lastActivityOn())
                .as("a day before the quarter began is older")
                .hasToString("2024-Q2");
    }

    @Test
    void readsAScheduledWorkshopWhoseWindowPassedWithNoOutcomeAsSuch() {
        WorkshopView scheduled =
                confirmedByBoth(workshopScheduled()).workshops().get(0);

        assertThat(scheduled.asOf(IN_Q1.end()).state()).isEqualTo(WorkshopView.SCHEDULED);
        assertThat(scheduled.asOf(IN_Q1.end().plusDays(1)).state()).isEqualTo(WorkshopView.WINDOW_PASSED);
        assertThat(scheduled.state()).as("the stored fact stays").isEqualTo(WorkshopView.SCHEDULED);
        WorkshopView held =
                confirmedByBoth(workshopScheduled(), workshopHeld()).workshops().get(0);
        assertThat(held.asOf(LocalDate.of(2030, 1, 1)).state()).isEqualTo(WorkshopView.HELD);
        WorkshopView cancelled = confirmedByBoth(workshopScheduled(), workshopCancelled())
                .workshops()
                .get(0);
        assertThat(cancelled.asOf(LocalDate.of(2030, 1, 1)).state()).isEqualTo(WorkshopView.CANCELLED);
    }

    @Test
    void addsAScheduledWorkshop() {
        assertThat(confirmedByBoth(workshopScheduled()).workshops())
                .containsExactly(new WorkshopView(
                        "semiconductor-workshop-2024-q1",
                        "Semiconductor workshop",
                        IN_Q1.start(),
                        IN_Q1.end(),
                        "IN_PERSON",
                        "London",
                        "GB",
                        SummaryFold.SCHEDULED,
                        null,
                        null));
    }

    @Test
    void movesAWorkshopOnReschedulingAndKeepsItScheduled() {
        WorkshopView workshop = confirmedByBoth(workshopScheduled(), workshopRescheduled())
                .workshops()
                .get(0);

        assertThat(workshop.start()).isEqualTo(EARLY_MARCH.start());
        assertThat(workshop.end()).isEqualTo(EARLY_MARCH.end());
        assertThat(workshop.format()).isEqualTo("HYBRID");
        assertThat(workshop.location()).isEqualTo("Imperial College London");
        assertThat(workshop.title()).isEqualTo("Semiconductor workshop");
        assertThat(workshop.host()).isEqualTo("GB");
        assertThat(workshop.state()).isEqualTo(SummaryFold.SCHEDULED);
    }

    @Test
    void cancelsAWorkshop() {
        assertThat(confirmedByBoth(workshopScheduled(), workshopCancelled())
                        .workshops()
                        .get(0)
                        .state())
                .isEqualTo(SummaryFold.CANCELLED);
    }

    @Test
    void recordsWhenAWorkshopWasHeldAndItsOutcome() {
        WorkshopView workshop =
                confirmedByBoth(workshopScheduled(), workshopHeld()).workshops().get(0);

        assertThat(workshop.state()).isEqualTo(SummaryFold.HELD);
        assertThat(workshop.heldOn()).isEqualTo(LocalDate.of(2024, 3, 6));
        assertThat(workshop.outcome()).isEqualTo("Joint R&D and skills priorities identified");
    }

    @Test
    void keepsWorkshopsInScheduleOrder() {
        CommitmentSummary summary = confirmedByBoth(
                workshopScheduled(
                        FOLLOW_UP, "Follow-up workshop", DateWindow.on(LocalDate.of(2024, 5, 14)), LATE_JANUARY),
                workshopScheduled(WORKSHOP, "Semiconductor workshop", IN_Q1, LATE_JANUARY),
                new WorkshopHeld(EventFixtures.ID, WORKSHOP, "Priorities identified", DSIT, LocalDate.of(2024, 3, 6)));

        assertThat(summary.workshops())
                .extracting(WorkshopView::workshopId)
                .containsExactly("semiconductor-follow-up-2024-q2", "semiconductor-workshop-2024-q1");
    }

    @Test
    void rejectsAChangeToAWorkshopThatWasNeverScheduled() {
        assertThatThrownBy(() -> confirmedByBoth(workshopHeld()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workshop semiconductor-workshop-2024-q1 was never scheduled");
    }

    @Test
    void rejectsAWorkshopScheduledTwice() {
        assertThatThrownBy(() -> confirmedByBoth(workshopScheduled(), workshopScheduled()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already scheduled");
    }

    @Test
    void keepsTheLatestWorldDateAsLastActivity() {
        CommitmentSummary summary = fold(
                agreed(),
                progressReported("Agenda drafted", LocalDate.of(2024, 2, 10)),
                progressReported("Speakers approached last week", LocalDate.of(2024, 2, 3)));

        assertThat(summary.lastActivityOn()).isEqualTo(PartialDate.parse("2024-02-10"));
    }

    @Test
    void stampsTheSequenceAndRecordingTimeOfTheNewestEvent() {
        CommitmentEvent progress = progressReported("Agenda drafted", LocalDate.of(2024, 2, 10));
        CommitmentSummary summary = SummaryFold.apply(fold(agreed()), applied(progress, 7));

        assertThat(summary.version()).isEqualTo(7);
        assertThat(summary.lastRecordedAt()).isEqualTo(recordedAt(progress, 7));
    }

    @Test
    void leavesTheCurrentSummaryUnchanged() {
        CommitmentSummary before = confirmedByBoth(workshopScheduled());
        CommitmentSummary copy = new CommitmentSummary(
                before.commitmentId(),
                before.partnershipId(),
                before.area(),
                before.title(),
                before.description(),
                List.copyOf(before.parties()),
                before.status(),
                before.target(),
                before.source(),
                before.agreedOn(),
                List.copyOf(before.workshops()),
                before.lastActivityOn(),
                before.lastRecordedAt(),
                before.version());

        CommitmentSummary after = SummaryFold.apply(before, applied(workshopHeld(), 4));

        assertThat(after).isNotEqualTo(before);
        assertThat(before).isEqualTo(copy);
    }

    @Test
    void answersUnmodifiableLists() {
        CommitmentSummary summary = confirmedByBoth(workshopScheduled());

        assertThatThrownBy(() -> summary.parties().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> summary.parties().get(0).agencies().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> summary.workshops().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void foldsAnEmptyHistoryToNothing() {
        assertThat(SummaryFold.fold(List.of())).isEmpty();
    }

    @Test
    void derivesOverdueFromTheTargetAndToday() {
        CommitmentSummary open = confirmedByBoth();

        assertThat(open.overdue(LocalDate.of(2024, 3, 31)))
                .as("on the last day of 2024-Q1")
                .isFalse();
        assertThat(open.overdue(LocalDate.of(2024, 4, 1))).as("the day after").isTrue();
    }

    @Test
    void isNeverOverdueOnceClosed() {
        assertThat(fold(agreed(), withdrawn()).overdue(LocalDate.of(2025, 1, 1)))
                .isFalse();
    }

    @Test
    void followsTheWholeJourneyFromAgreementToCompletion() {
        CommitmentSummary summary = SummaryFold.fold(history(journey())).orElseThrow();

        assertThat(summary.status()).isEqualTo(CommitmentStatus.COMPLETED);
        assertThat(summary.parties())
                .containsExactly(
                        new PartyState("JP", List.of("METI"), MINISTERIAL_MEETING, LocalDate.of(2024, 3, 20)),
                        new PartyState("GB", List.of("DSIT"), LocalDate.of(2024, 1, 18), LocalDate.of(2024, 3, 28)));
        assertThat(summary.workshops()).singleElement().satisfies(workshop -> {
            assertThat(workshop.state()).isEqualTo(SummaryFold.HELD);
            assertThat(workshop.start()).isEqualTo(EARLY_MARCH.start());
            assertThat(workshop.heldOn()).isEqualTo(LocalDate.of(2024, 3, 6));
        });
        assertThat(summary.target()).isEqualTo(Q1_2024);
        assertThat(summary.overdue(LocalDate.of(2024, 6, 1))).isFalse();
        assertThat(summary.lastActivityOn()).isEqualTo(PartialDate.parse("2024-03-28"));
        assertThat(summary.version()).isEqualTo(journey().size() - 1);
    }

    @Test
    void appliesEveryPermittedEventType() {
        List<Class<?>> covered = EventFixtures.oneOfEach().stream()
                .map(Named::getPayload)
                .<Class<?>>map(Object::getClass)
                .toList();
        assertThat(covered)
                .as("EventFixtures.oneOfEach() has an event of every type")
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(CommitmentEvent.class.getPermittedSubclasses()));

        CommitmentSummary scheduled = confirmedByBoth(workshopScheduled());
        for (Named<CommitmentEvent> named : EventFixtures.oneOfEach()) {
            CommitmentEvent event = named.getPayload();
            if (event instanceof CommitmentAgreed) {
                assertThat(SummaryFold.apply(null, applied(event, 0))).isNotNull();
            } else {
                CommitmentSummary before = event instanceof WorkshopScheduled ? confirmedByBoth() : scheduled;
                assertThat(SummaryFold.apply(before, applied(event, 4)).version())
                        .as(named.getName())
                        .isEqualTo(4);
            }
        }
    }
}
