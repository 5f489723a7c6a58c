package io.commitmentsledger.projection.summary;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import io.commitmentsledger.contracts.SourceReference;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.contracts.events.AgreementDateCorrected;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentCompleted;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.CommitmentMarkedComplete;
import io.commitmentsledger.contracts.events.CommitmentWithdrawn;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.events.TargetAmended;
import io.commitmentsledger.contracts.events.WorkshopCancelled;
import io.commitmentsledger.contracts.events.WorkshopHeld;
import io.commitmentsledger.contracts.events.WorkshopRescheduled;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;

/**
 * The seed story's semiconductor commitment from the Japan–UK Digital Partnership ministerial meeting of 16 January
 * 2024, with builders for each of its events and for the envelopes the projection receives them in.
 */
final class EventFixtures {

    static final CommitmentId ID = new CommitmentId("jpuk-2024-semiconductor-workshop");
    static final LocalDate MINISTERIAL_MEETING = LocalDate.of(2024, 1, 16);
    static final ActingAgency METI = ActingAgency.parse("JP/METI");
    static final ActingAgency DSIT = ActingAgency.parse("GB/DSIT");

    static final PartialDate Q1_2024 = PartialDate.parse("2024-Q1");
    static final WorkshopId WORKSHOP = new WorkshopId("semiconductor-workshop-2024-q1");
    static final WorkshopId FOLLOW_UP = new WorkshopId("semiconductor-follow-up-2024-q2");
    static final DateWindow IN_Q1 = new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));
    static final DateWindow EARLY_MARCH = new DateWindow(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 6));

    private EventFixtures() {}

    static CommitmentAgreed agreed() {
        return agreed(Q1_2024, PartialDate.day(MINISTERIAL_MEETING));
    }

    /** The commitment agreed with another target (null: no date set) and agreement date. */
    static CommitmentAgreed agreed(@Nullable PartialDate target, PartialDate agreedOn) {
        return new CommitmentAgreed(
                ID,
                new PartnershipId("jp-uk-digital-partnership"),
                new Area("semiconductors"),
                "Industry-academia-government semiconductor workshop",
                "Explore further semiconductor cooperation initiatives",
                List.of(
                        new Party(new CountryCode("JP"), List.of(new AgencyCode("METI"))),
                        new Party(new CountryCode("GB"), List.of(new AgencyCode("DSIT")))),
                target,
                new SourceReference(
                        "Japan-UK Digital Partnership outcome document",
                        URI.create("https://www.meti.go.jp/english/press/2024/0116_002.html"),
                        "2(2)"),
                METI,
                agreedOn);
    }

    static CommitmentConfirmed confirmed(ActingAgency actor, LocalDate on) {
        return new CommitmentConfirmed(ID, actor, on);
    }

    static WorkshopScheduled workshopScheduled() {
        return workshopScheduled(WORKSHOP, "Semiconductor workshop", IN_Q1, LocalDate.of(2024, 1, 25));
    }

    static WorkshopScheduled workshopScheduled(WorkshopId id, String title, DateWindow window, LocalDate on) {
        return new WorkshopScheduled(
                ID, id, title, window, WorkshopFormat.IN_PERSON, "London", new CountryCode("GB"), DSIT, on);
    }

    static WorkshopRescheduled workshopRescheduled() {
        return new WorkshopRescheduled(
                ID,
                WORKSHOP,
                EARLY_MARCH,
                WorkshopFormat.HYBRID,
                "Imperial College London",
                "Venue found",
                DSIT,
                LocalDate.of(2024, 2, 5));
    }

    static WorkshopCancelled workshopCancelled() {
        return new WorkshopCancelled(
                ID, WORKSHOP, "Merged into the next ministerial meeting", METI, LocalDate.of(2024, 2, 1));
    }

    static WorkshopHeld workshopHeld() {
        return new WorkshopHeld(
                ID, WORKSHOP, "Joint R&D and skills priorities identified", DSIT, LocalDate.of(2024, 3, 6));
    }

    static ProgressReported progressReported(String note, LocalDate on) {
        return new ProgressReported(
                ID, note, URI.create("https://www.meti.go.jp/english/press/2024/0116_002.html"), METI, on);
    }

    static CommitmentMarkedComplete markedComplete(ActingAgency actor, LocalDate on) {
        return new CommitmentMarkedComplete(ID, "Workshop held in London", actor, on);
    }

    static CommitmentCompleted completed(ActingAgency actor, LocalDate on) {
        return new CommitmentCompleted(ID, actor, on);
    }

    static TargetAmended targetAmended(PartialDate to) {
        return targetAmended(Q1_2024, to, "Speakers unavailable in March");
    }

    /** The target moved, set where there was none ({@code from} null) or withdrawn ({@code to} null). */
    static TargetAmended targetAmended(@Nullable PartialDate from, @Nullable PartialDate to, String reason) {
        return new TargetAmended(ID, from, to, reason, METI, LocalDate.of(2024, 2, 20));
    }

    /** The agreement date, recorded as the meeting's day, corrected to {@code to}. */
    static AgreementDateCorrected agreementDateCorrected(PartialDate to) {
        return new AgreementDateCorrected(
                ID,
                PartialDate.day(MINISTERIAL_MEETING),
                to,
                "The source gives only the month",
                METI,
                LocalDate.of(2026, 11, 27));
    }

    static CommitmentWithdrawn withdrawn() {
        return new CommitmentWithdrawn(ID, "Superseded by a broader commitment", DSIT, LocalDate.of(2024, 11, 4));
    }

    /** One event of every type, by a short description, for parameterized tests. */
    static List<Named<CommitmentEvent>> oneOfEach() {
        return List.of(
                Named.of("agreed", agreed()),
                Named.of("confirmed", confirmed(DSIT, MINISTERIAL_MEETING)),
                Named.of("workshop scheduled", workshopScheduled()),
                Named.of("workshop rescheduled", workshopRescheduled()),
                Named.of("workshop cancelled", workshopCancelled()),
                Named.of("workshop held", workshopHeld()),
                Named.of("progress reported", progressReported("Agenda drafted", LocalDate.of(2024, 2, 10))),
                Named.of("marked complete", markedComplete(METI, LocalDate.of(2024, 3, 20))),
                Named.of("completed", completed(DSIT, LocalDate.of(2024, 3, 28))),
                Named.of("target amended", targetAmended(PartialDate.parse("2024-06-30"))),
                Named.of("withdrawn", withdrawn()),
                Named.of("agreement date corrected", agreementDateCorrected(PartialDate.parse("2024-01"))));
    }

    /** The whole journey: agreed, confirmed by both, a workshop held, marked complete by both, completed. */
    static List<CommitmentEvent> journey() {
        return List.of(
                agreed(),
                confirmed(METI, MINISTERIAL_MEETING),
                confirmed(DSIT, LocalDate.of(2024, 1, 18)),
                workshopScheduled(),
                workshopRescheduled(),
                workshopHeld(),
                progressReported("Follow-up meetings arranged", LocalDate.of(2024, 3, 15)),
                markedComplete(METI, LocalDate.of(2024, 3, 20)),
                markedComplete(DSIT, LocalDate.of(2024, 3, 28)),
                completed(DSIT, LocalDate.of(2024, 3, 28)));
    }

    /** The events as the projection receives them: sequence numbers from 0, recorded the morning they happened. */
    static List<AppliedEvent> history(CommitmentEvent... events) {
        return history(List.of(events));
    }

    static List<AppliedEvent> history(List<CommitmentEvent> events) {
        List<AppliedEvent> applied = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            applied.add(applied(events.get(sequence), sequence));
        }
        return List.copyOf(applied);
    }

    static AppliedEvent applied(CommitmentEvent event, long sequence) {
        return new AppliedEvent(event, sequence, 1000 + sequence, "event-" + sequence, recordedAt(event, sequence));
    }

    /** 09:00 UTC on the event's day, a minute later per sequence number so that two events never share an instant. */
    static Instant recordedAt(CommitmentEvent event, long sequence) {
        return event.date().firstDay().atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(60 * sequence);
    }
}
