package io.commitmentsledger.benchmarks.streams;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import io.commitmentsledger.contracts.SampleText;
import io.commitmentsledger.contracts.SourceReference;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic, valid histories for the stream benchmark, the ones projection-service's own ProjectionBenchmark
 * publishes: agreed under the Japan–UK Digital Partnership in one of its registered areas by JP/METI and GB/DSIT,
 * confirmed by both, a workshop scheduled, then progress reports by either party. Every event is one the ledger's
 * rules allow at its place, so projection-service's fold applies each one (no incidents). Deterministic: the same
 * index gives the same history, so a run repeats itself.
 */
final class CommitmentHistories {

    /** The place of the first progress report: agreed, two confirmations and a workshop come first. */
    static final int FIRST_PROGRESS_REPORT = 4;

    static final ActingAgency METI = ActingAgency.parse("JP/METI");
    static final ActingAgency DSIT = ActingAgency.parse("GB/DSIT");

    private static final LocalDate MEETING = LocalDate.of(2024, 1, 16);
    private static final List<String> AREAS =
            List.of("open-ran", "semiconductors", "ai", "data", "digital-transformation");
    private static final URI OUTCOME_DOCUMENT = URI.create("https://www.meti.go.jp/english/press/2024/0116_002.html");

    private final String prefix;
    private final int eventsPerCommitment;

    /**
     * @param prefix the start of every commitment id, so that one run's commitments never meet another's
     */
    CommitmentHistories(String prefix, int eventsPerCommitment) {
        if (eventsPerCommitment < FIRST_PROGRESS_REPORT) {
            throw new IllegalArgumentException("at least " + FIRST_PROGRESS_REPORT + " events per commitment");
        }
        this.prefix = prefix;
        this.eventsPerCommitment = eventsPerCommitment;
    }

    int eventsPerCommitment() {
        return eventsPerCommitment;
    }

    /** The id of the commitment at {@code index}; all have the same length, so records have comparable sizes. */
    CommitmentId id(int index) {
        return new CommitmentId(prefix + "-" + String.format("%07d", index));
    }

    /** The commitment's events in sequence order, 0 first. */
    List<CommitmentEvent> history(int index) {
        Random random = new Random(20240116L * 31 + index);
        CommitmentId id = id(index);
        String area = AREAS.get(index % AREAS.size());
        List<CommitmentEvent> events = new ArrayList<>(eventsPerCommitment);
        events.add(new CommitmentAgreed(
                id,
                new PartnershipId("jp-uk-digital-partnership"),
                new Area(area),
                "Joint " + area + " initiative " + index,
                "Joint action under the Japan-UK Digital Partnership, agreed at the ministerial meeting",
                List.of(
                        new Party(new CountryCode("JP"), List.of(new AgencyCode("METI"))),
                        new Party(new CountryCode("GB"), List.of(new AgencyCode("DSIT")))),
                PartialDate.parse("2099-Q4"),
                new SourceReference("Japan-UK Digital Partnership outcome document", OUTCOME_DOCUMENT, "2"),
                METI,
                PartialDate.day(MEETING)));
        events.add(new CommitmentConfirmed(id, METI, MEETING));
        events.add(new CommitmentConfirmed(id, DSIT, MEETING));
        events.add(new WorkshopScheduled(
                id,
                new WorkshopId("workshop-" + index),
                "Industry-academia-government workshop",
                new DateWindow(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30)),
                WorkshopFormat.IN_PERSON,
                "London",
                new CountryCode("GB"),
                DSIT,
                MEETING.plusDays(20)));
        LocalDate day = MEETING.plusDays(30);
        while (events.size() < eventsPerCommitment) {
            day = day.plusDays(1 + random.nextInt(20));
            events.add(new ProgressReported(
                    id,
                    SampleText.progressNote(random),
                    random.nextBoolean() ? OUTCOME_DOCUMENT : null,
                    random.nextBoolean() ? DSIT : METI,
                    day));
        }
        return events;
    }
}
