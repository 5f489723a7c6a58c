package io.commitmentsledger.projection.support;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import io.commitmentsledger.contracts.Quarter;
import io.commitmentsledger.contracts.SourceReference;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Japan–UK Digital Partnership's seed story (the repository's {@code seeds/}), as the events the ledger records
 * for its commands: what the pages are shown with in the browser tests and the README's screenshots. Only the commands
 * the seeds use are read (agreements, confirmations, workshops); a seed command of another kind fails loudly.
 *
 * <p>How a seed's target and agreement date become an event's is in {@link #target} and {@link #agreedOn}: the one
 * place to change when the events' shapes change.
 */
public final class SeedStory {

    public static final String PARTNERSHIP = "jp-uk-digital-partnership";
    public static final Path SEEDS = Path.of("..", "seeds", "jp-uk-digital-partnership-2024-01-16");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SeedStory() {}

    /** Every commitment's events in the order the seeds record them, by commitment, each from sequence 0. */
    public static Map<CommitmentId, List<CommitmentEvent>> events() {
        Map<CommitmentId, List<CommitmentEvent>> events = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode command : JSON.readTree(Files.readString(file))) {
                    CommitmentEvent event = event(command.get("path").asString(), command.get("body"));
                    events.computeIfAbsent(event.commitmentId(), id -> new ArrayList<>())
                            .add(event);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /** Publishes the whole story; answers how many events it published. */
    public static int publish(LedgerTopic topic) {
        int published = 0;
        for (List<CommitmentEvent> commitment : events().values()) {
            for (int sequence = 0; sequence < commitment.size(); sequence++) {
                topic.publish(commitment.get(sequence), sequence);
                published++;
            }
        }
        return published;
    }

    /**
     * Whether the commitment the agreement starts is overdue on {@code today} while still open: only against a target
     * the source gives (one with none is never overdue).
     */
    public static boolean overdueWhileOpen(CommitmentAgreed agreed, LocalDate today) {
        return agreed.target() != null && today.isAfter(agreed.target().lastDay());
    }

    /** Whether the agreement names a target at all. */
    public static boolean hasTarget(CommitmentAgreed agreed) {
        return agreed.target() != null;
    }

    private static CommitmentEvent event(String path, JsonNode body) {
        ActingAgency actor = ActingAgency.parse(body.get("actingAgency").asString());
        if (path.equals("/api/v1/commitments")) {
            List<Party> parties = new ArrayList<>();
            for (JsonNode party : body.get("parties")) {
                List<AgencyCode> agencies = new ArrayList<>();
                party.get("agencies").forEach(a -> agencies.add(new AgencyCode(a.asString())));
                parties.add(new Party(new CountryCode(party.get("country").asString()), agencies));
            }
            JsonNode source = body.get("source");
            return new CommitmentAgreed(
                    new CommitmentId(body.get("commitmentId").asString()),
                    new PartnershipId(body.get("partnershipId").asString()),
                    new Area(body.get("area").asString()),
                    body.get("title").asString(),
                    text(body.get("description")),
                    parties,
                    target(body.get("target")),
                    new SourceReference(
                            source.get("title").asString(),
                            source.hasNonNull("url")
                                    ? URI.create(source.get("url").asString())
                                    : null,
                            text(source.get("section"))),
                    actor,
                    agreedOn(body.get("agreedOn").asString()));
        }
        CommitmentId id = new CommitmentId(path.split("/")[4]);
        if (path.endsWith("/confirmations")) {
            return new CommitmentConfirmed(
                    id, actor, LocalDate.parse(body.get("confirmedOn").asString()));
        }
        if (path.endsWith("/workshops")) {
            return new WorkshopScheduled(
                    id,
                    new WorkshopId(body.get("workshopId").asString()),
                    body.get("title").asString(),
                    window(body.get("when")),
                    null,
                    text(body.get("location")),
                    body.hasNonNull("host") ? new CountryCode(body.get("host").asString()) : null,
                    actor,
                    LocalDate.parse(body.get("scheduledOn").asString()));
        }
        throw new IllegalArgumentException("SeedStory does not read " + path + " yet");
    }

    /**
     * A seed's target as the ledger records it: none when the seed gives none, else its text, written {@code "2024-Q1"}
     * or in the API's older form {@code {"date": ...}} / {@code {"quarter": ...}}.
     */
    private static @Nullable PartialDate target(@Nullable JsonNode target) {
        if (target == null || target.isNull()) {
            return null;
        }
        if (target.isString()) {
            return PartialDate.parse(target.asString());
        }
        return PartialDate.parse(
                target.hasNonNull("quarter")
                        ? target.get("quarter").asString()
                        : target.get("date").asString());
    }

    private static PartialDate agreedOn(String agreedOn) {
        return PartialDate.parse(agreedOn);
    }

    private static DateWindow window(JsonNode when) {
        if (when.hasNonNull("quarter")) {
            Quarter quarter = Quarter.parse(when.get("quarter").asString());
            return new DateWindow(quarter.firstDay(), quarter.lastDay());
        }
        if (when.hasNonNull("date")) {
            return DateWindow.on(LocalDate.parse(when.get("date").asString()));
        }
        return new DateWindow(
                LocalDate.parse(when.get("start").asString()),
                LocalDate.parse(when.get("end").asString()));
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
