package io.commitmentsledger.contracts;

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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Named;

/**
 * Realistic events from the Japan–UK Digital Partnership of 16 January 2024, at least one of every type, with every
 * optional field both present and null and both forms of target.
 */
final class SampleEvents {

    static final CommitmentId SEMICONDUCTORS = new CommitmentId("jpuk-2024-semiconductor-workshop");
    static final CommitmentId OPEN_RAN = new CommitmentId("jpuk-2024-open-ran-vendor-diversification");
    static final WorkshopId WORKSHOP = new WorkshopId("semiconductor-workshop-2024-q1");
    static final ActingAgency METI = ActingAgency.parse("JP/METI");
    static final ActingAgency MIC = ActingAgency.parse("JP/MIC");
    static final ActingAgency DSIT = ActingAgency.parse("GB/DSIT");
    static final LocalDate MINISTERIAL_MEETING = LocalDate.of(2024, 1, 16);

    private SampleEvents() {}

    /** Each sample by a short description, for test names. */
    static List<Named<CommitmentEvent>> all() {
        return List.of(
                Named.of("agreed, with a description and a quarter target", agreed()),
                Named.of(
                        "agreed, without a description, with a date target and a source without url or section",
                        new CommitmentAgreed(
                                OPEN_RAN,
                                new PartnershipId("jp-uk-digital-partnership"),
                                new Area("open-ran"),
                                "Open RAN vendor diversification",
                                null,
                                List.of(party("JP", "MIC", "METI"), party("GB", "DSIT")),
                                PartialDate.parse("2024-06-30"),
                                new SourceReference("Japan-UK Digital Partnership outcome document", null, null),
                                MIC,
                                PartialDate.day(MINISTERIAL_MEETING))),
                Named.of(
                        "agreed in a year, with no target (the source gives none)",
                        new CommitmentAgreed(
                                new CommitmentId("jpuk-2022-digital-government-moc"),
                                new PartnershipId("jp-uk-digital-partnership"),
                                new Area("digital-transformation"),
                                "Memorandum of Cooperation on digital government",
                                null,
                                List.of(party("JP", "DIGITAL"), party("GB", "DSIT")),
                                null,
                                new SourceReference("Japan-UK Digital Partnership outcome document", null, "2(5)"),
                                new ActingAgency(new CountryCode("JP"), new AgencyCode("DIGITAL")),
                                PartialDate.year(2022))),
                Named.of("confirmed", new CommitmentConfirmed(SEMICONDUCTORS, DSIT, MINISTERIAL_MEETING)),
                Named.of("workshop scheduled, location unknown", scheduled(null)),
                Named.of("workshop scheduled in London", scheduled("London")),
                Named.of(
                        "workshop rescheduled to London",
                        new WorkshopRescheduled(
                                SEMICONDUCTORS,
                                WORKSHOP,
                                new DateWindow(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 6)),
                                WorkshopFormat.HYBRID,
                                "London",
                                "Dates fixed with industry and academic participants",
                                DSIT,
                                LocalDate.of(2024, 2, 5))),
                Named.of(
                        "workshop rescheduled online, location dropped",
                        new WorkshopRescheduled(
                                SEMICONDUCTORS,
                                WORKSHOP,
                                DateWindow.on(LocalDate.of(2024, 3, 6)),
                                WorkshopFormat.ONLINE,
                                null,
                                "Travel restrictions",
                                DSIT,
                                LocalDate.of(2024, 2, 20))),
                Named.of(
                        "workshop cancelled",
                        new WorkshopCancelled(
                                SEMICONDUCTORS,
                                WORKSHOP,
                                "Merged into the next ministerial meeting",
                                METI,
                                LocalDate.of(2024, 2, 1))),
                Named.of(
                        "workshop held",
                        new WorkshopHeld(
                                SEMICONDUCTORS,
                                WORKSHOP,
                                "Joint R&D and skills priorities identified",
                                DSIT,
                                LocalDate.of(2024, 3, 6))),
                Named.of(
                        "progress reported with evidence",
                        new ProgressReported(
                                SEMICONDUCTORS,
                                "Follow-up meetings arranged",
                                URI.create("https://www.meti.go.jp/english/press/2024/0116_002.html"),
                                METI,
                                LocalDate.of(2024, 3, 15))),
                Named.of(
                        "progress reported without evidence",
                        new ProgressReported(
                                SEMICONDUCTORS, "Speakers confirmed", null, DSIT, LocalDate.of(2024, 2, 28))),
                Named.of(
                        "marked complete",
                        new CommitmentMarkedComplete(
                                SEMICONDUCTORS, "Workshop held in London", METI, LocalDate.of(2024, 3, 28))),
                Named.of("completed", new CommitmentCompleted(SEMICONDUCTORS, DSIT, LocalDate.of(2024, 3, 28))),
                Named.of(
                        "target amended from a quarter to a date",
                        new TargetAmended(
                                OPEN_RAN,
                                PartialDate.parse("2024-Q2"),
                                PartialDate.parse("2024-09-30"),
                                "Joint trial extended to a second test site",
                                MIC,
                                LocalDate.of(2024, 6, 20))),
                Named.of(
                        "target withdrawn: the source gives no date",
                        new TargetAmended(
                                OPEN_RAN,
                                PartialDate.parse("2024-12-31"),
                                null,
                                "The source gives no date",
                                MIC,
                                LocalDate.of(2026, 11, 27))),
                Named.of(
                        "target set where there was none",
                        new TargetAmended(
                                OPEN_RAN,
                                null,
                                PartialDate.parse("2025"),
                                "Both sides set a year",
                                MIC,
                                LocalDate.of(2025, 2, 3))),
                Named.of(
                        "agreement date corrected to the year the source gives",
                        new AgreementDateCorrected(
                                OPEN_RAN,
                                PartialDate.parse("2022-12-31"),
                                PartialDate.parse("2022"),
                                "The source says only that it was concluded in 2022",
                                MIC,
                                LocalDate.of(2026, 11, 27))),
                Named.of(
                        "withdrawn",
                        new CommitmentWithdrawn(
                                OPEN_RAN, "Superseded by a broader commitment", DSIT, LocalDate.of(2024, 11, 4))));
    }

    static CommitmentAgreed agreed() {
        return new CommitmentAgreed(
                SEMICONDUCTORS,
                new PartnershipId("jp-uk-digital-partnership"),
                new Area("semiconductors"),
                "Industry-academia-government semiconductor workshop",
                "Explore further semiconductor cooperation initiatives",
                List.of(party("JP", "METI"), party("GB", "DSIT")),
                PartialDate.parse("2024-Q1"),
                new SourceReference(
                        "Japan-UK Digital Partnership outcome document",
                        URI.create("https://www.meti.go.jp/english/press/2024/0116_002.html"),
                        "2(2)"),
                METI,
                PartialDate.day(MINISTERIAL_MEETING));
    }

    private static WorkshopScheduled scheduled(String location) {
        return new WorkshopScheduled(
                SEMICONDUCTORS,
                WORKSHOP,
                "Japan-UK semiconductor workshop",
                new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)),
                WorkshopFormat.IN_PERSON,
                location,
                new CountryCode("GB"),
                DSIT,
                MINISTERIAL_MEETING);
    }

    private static Party party(String country, String... agencies) {
        return new Party(
                new CountryCode(country),
                Arrays.stream(agencies).map(AgencyCode::new).toList());
    }
}
