package io.commitmentsledger.ledger.commitment;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import io.commitmentsledger.contracts.Quarter;
import io.commitmentsledger.contracts.SourceReference;
import io.commitmentsledger.contracts.Target;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentCompleted;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentMarkedComplete;
import io.commitmentsledger.contracts.events.CommitmentWithdrawn;
import io.commitmentsledger.contracts.events.WorkshopCancelled;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** The seed story's semiconductor commitment, and builders for its commands and events. */
final class CommitmentFixtures {

    static final CommitmentId ID = new CommitmentId("jpuk-2024-semiconductor-workshop");
    static final LocalDate AGREED_ON = LocalDate.of(2024, 1, 16);
    static final LocalDate LATER = LocalDate.of(2024, 2, 1);
    static final ActingAgency METI = ActingAgency.parse("JP/METI");
    static final ActingAgency DSIT = ActingAgency.parse("GB/DSIT");
    /** A Japanese agency that does not act for Japan in this commitment. */
    static final ActingAgency MIC = ActingAgency.parse("JP/MIC");

    static final List<Party> PARTIES = List.of(
            new Party(new CountryCode("JP"), List.of(new AgencyCode("METI"))),
            new Party(new CountryCode("GB"), List.of(new AgencyCode("DSIT"))));
    static final Target Q1_2024 = Target.in(Quarter.parse("2024-Q1"));
    static final WorkshopId WORKSHOP = new WorkshopId("semiconductor-workshop-2024-q1");
    static final DateWindow IN_Q1 = new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));

    private CommitmentFixtures() {}

    static AgreeCommitmentCommand agree(ActingAgency actor) {
        return new AgreeCommitmentCommand(
                ID,
                new PartnershipId("jp-uk-digital-partnership"),
                new Area("semiconductors"),
                "Industry-academia-government semiconductor workshop",
                "Explore further semiconductor cooperation initiatives",
                PARTIES,
                Q1_2024,
                new SourceReference(
                        "Japan-UK Digital Partnership outcome document",
                        URI.create("https://www.meti.go.jp/english/press/2024/0116_002.html"),
                        "2(2)"),
                actor,
                AGREED_ON);
    }

    static CommitmentAgreed agreed() {
        AgreeCommitmentCommand command = agree(METI);
        return new CommitmentAgreed(
                command.commitmentId(),
                command.partnershipId(),
                command.area(),
                command.title(),
                command.description(),
                command.parties(),
                command.target(),
                command.source(),
                command.actor(),
                command.agreedOn());
    }

    static CommitmentConfirmed confirmed(ActingAgency actor) {
        return new CommitmentConfirmed(ID, actor, AGREED_ON);
    }

    static ConfirmCommitmentCommand confirm(ActingAgency actor) {
        return new ConfirmCommitmentCommand(ID, actor, AGREED_ON, null);
    }

    static MarkCommitmentCompleteCommand markComplete(ActingAgency actor) {
        return new MarkCommitmentCompleteCommand(ID, "Workshop held in London", actor, LATER, null);
    }

    static CommitmentMarkedComplete markedComplete(ActingAgency actor) {
        return new CommitmentMarkedComplete(ID, "Workshop held in London", actor, LATER);
    }

    static CommitmentCompleted completed(ActingAgency actor) {
        return new CommitmentCompleted(ID, actor, LATER);
    }

    static CommitmentWithdrawn withdrawn(ActingAgency actor) {
        return new CommitmentWithdrawn(ID, "Priorities changed", actor, LATER);
    }

    static WithdrawCommitmentCommand withdraw(ActingAgency actor) {
        return new WithdrawCommitmentCommand(ID, "Priorities changed", actor, LATER, null);
    }

    static ScheduleWorkshopCommand scheduleWorkshop(ActingAgency actor) {
        return new ScheduleWorkshopCommand(
                ID,
                WORKSHOP,
                "Semiconductor workshop",
                IN_Q1,
                WorkshopFormat.IN_PERSON,
                "London",
                new CountryCode("GB"),
                actor,
                AGREED_ON,
                null);
    }

    static WorkshopScheduled workshopScheduled() {
        return new WorkshopScheduled(
                ID,
                WORKSHOP,
                "Semiconductor workshop",
                IN_Q1,
                WorkshopFormat.IN_PERSON,
                "London",
                new CountryCode("GB"),
                DSIT,
                AGREED_ON);
    }

    static WorkshopCancelled workshopCancelled() {
        return new WorkshopCancelled(ID, WORKSHOP, "Venue unavailable", DSIT, LATER);
    }

    static ReportProgressCommand reportProgress(ActingAgency actor, LocalDate on) {
        return new ReportProgressCommand(ID, "Agenda drafted", null, actor, on, null);
    }
}
