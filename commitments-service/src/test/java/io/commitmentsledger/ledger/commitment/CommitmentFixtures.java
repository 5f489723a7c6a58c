package io.commitmentsledger.ledger.commitment;

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
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentCompleted;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentMarkedComplete;
import io.commitmentsledger.contracts.events.CommitmentWithdrawn;
import io.commitmentsledger.contracts.events.WorkshopCancelled;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import io.commitmentsledger.contracts.names.LedgerNames;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
    static final PartialDate Q1_2024 = PartialDate.parse("2024-Q1");
    /** The names registry the commitment's partnership, area, countries and agencies are in. */
    static final LedgerNames NAMES = new LedgerNames(
            Map.of(
                    "jp-uk-digital-partnership",
                    new LedgerNames.Partnership(
                            "Japan–UK Digital Partnership", Map.of("semiconductors", "Semiconductors"))),
            Map.of(
                    "JP",
                    new LedgerNames.Country(
                            "Japan",
                            Map.of(
                                    "METI", "Ministry of Economy, Trade and Industry",
                                    "MIC", "Ministry of Internal Affairs and Communications")),
                    "GB",
                    new LedgerNames.Country(
                            "United Kingdom", Map.of("DSIT", "Department for Science, Innovation and Technology"))));

    static final WorkshopId WORKSHOP = new WorkshopId("semiconductor-workshop-2024-q1");
    static final DateWindow IN_Q1 = new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));

    private CommitmentFixtures() {}

    static AgreeCommitmentCommand agree(ActingAgency actor) {
        return agree(actor, Q1_2024, PartialDate.day(AGREED_ON));
    }

    static AgreeCommitmentCommand agree(ActingAgency actor, @Nullable PartialDate target, PartialDate agreedOn) {
        return new AgreeCommitmentCommand(
                ID,
                new PartnershipId("jp-uk-digital-partnership"),
                new Area("semiconductors"),
                "Industry-academia-government semiconductor workshop",
                "Explore further semiconductor cooperation initiatives",
                PARTIES,
                target,
                new SourceReference(
                        "Japan-UK Digital Partnership outcome document",
                        URI.create("https://www.meti.go.jp/english/press/2024/0116_002.html"),
                        "2(2)"),
                actor,
                agreedOn);
    }

    static CommitmentAgreed agreed() {
        return agreed(agree(METI));
    }

    /** The agreement, as precise as {@code agreedOn}, with {@code target} or none. */
    static CommitmentAgreed agreed(@Nullable PartialDate target, PartialDate agreedOn) {
        return agreed(agree(METI, target, agreedOn));
    }

    static CommitmentAgreed agreed(AgreeCommitmentCommand command) {
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
