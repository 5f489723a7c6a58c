package io.commitmentsledger.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.seeds.SeedLoader.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The seed files at the repository root: well formed, and telling the outcome document's story consistently. */
class SeedFilesTest {

    /** Surefire runs in the module's directory; the seeds sit beside the modules. */
    static final Path SEEDS = Path.of("..", "seeds");

    static final String COMMITMENTS = "/api/v1/commitments";
    static final Pattern COMMITMENT_PATH = Pattern.compile("/api/v1/commitments/([a-z0-9-]+)(/.+)");
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final Set<String> AREAS = Set.of("open-ran", "semiconductors", "ai", "data", "digital-transformation");
    static final String SOURCE_URL = "https://www.meti.go.jp/english/press/2024/0116_002.html";

    /** The seeds as first published, which ledgers loaded before issue 13 still hold. */
    static final Path PUBLISHED_2024 = Path.of("src/test/resources/seeds-published-2024");

    static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** Every command, with each command's corrections right after it. */
    static List<Command> commands;

    @BeforeAll
    static void readSeeds() {
        commands = SeedLoader.readSeeds(SEEDS).stream()
                .flatMap(command -> Stream.concat(Stream.of(command), command.corrections().stream()))
                .toList();
    }

    static List<Command> agreements() {
        return commands.stream().filter(SeedFilesTest::isAgree).toList();
    }

    static boolean isAgree(Command command) {
        return command.path().equals(COMMITMENTS);
    }

    @Test
    void everySeedFileParsesAsAListOfCommands() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SEEDS)) {
            files = walk.filter(file -> file.toString().endsWith(".json")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(SeedLoader.readFile(file)).as(file.toString()).isNotEmpty();
            assertThat(file.getFileName().toString()).matches("\\d{2}-[a-z0-9-]+\\.json");
        }
        assertThat(commands).allSatisfy(command -> assertThat(command.method()).isEqualTo("POST"));
    }

    @Test
    void commandIdsAreUniqueAndMakeValidIdempotencyKeys() {
        Set<String> ids = new HashSet<>();
        for (Command command : commands) {
            assertThat(ids.add(command.id()))
                    .as("duplicate command id %s", command.id())
                    .isTrue();
            assertThat(command.idempotencyKey()).matches("[\\x21-\\x7E]{1,255}");
        }
    }

    @Test
    void coversAllFiveAreasWithAtLeastTenCommitments() {
        Set<String> areas = new TreeSet<>();
        agreements().forEach(agree -> areas.add(agree.body().get("area").asString()));
        assertThat(areas).containsExactlyInAnyOrderElementsOf(AREAS);
        assertThat(agreements()).hasSizeGreaterThanOrEqualTo(10);
        for (String area : AREAS) {
            assertThat(agreements())
                    .as(area)
                    .anySatisfy(agree ->
                            assertThat(agree.body().get("area").asString()).isEqualTo(area));
        }
    }

    @Test
    void everyAgreementNamesBothPartiesItsDateTargetAndSource() {
        Set<String> ids = new HashSet<>();
        for (Command agree : agreements()) {
            JsonNode body = agree.body();
            String id = body.path("commitmentId").asString();
            assertThat(id).as(agree.id()).matches(SLUG);
            assertThat(ids.add(id)).as("commitment %s agreed twice", id).isTrue();
            assertThat(body.path("partnershipId").asString()).isEqualTo("jp-uk-digital-partnership");
            assertThat(body.path("title").asString()).as(id).isNotBlank();

            JsonNode parties = body.get("parties");
            assertThat(parties.size()).as(id).isEqualTo(2);
            assertThat(List.of(
                            parties.get(0).path("country").asString(),
                            parties.get(1).path("country").asString()))
                    .as(id)
                    .containsExactly("JP", "GB");
            for (JsonNode party : parties) {
                assertThat(party.path("agencies").isArray()
                                && !party.path("agencies").isEmpty())
                        .as(id)
                        .isTrue();
            }
            assertThat(agencies(body)).as(id).contains(body.path("actingAgency").asString());

            String agreedOn = body.path("agreedOn").asString();
            assertThat(DATE.matcher(agreedOn).matches()
                            || YEAR.matcher(agreedOn).matches())
                    .as(id)
                    .isTrue();

            JsonNode source = body.get("source");
            assertThat(source.path("title").asString()).as(id).isNotBlank();
            assertThat(source.path("url").asString()).as(id).isEqualTo(SOURCE_URL);
            assertThat(source.path("section").asString()).as(id).matches("2\\([1-5]\\)");
        }
    }

    /**
     * The source gives one target (the workshop in the first quarter of 2024), the meeting's day, and two years: the
     * 2022 Memorandum and the 2023 joint statement. Nothing else is a date, and none is a day someone chose.
     */
    @Test
    void inventNoDate() {
        Map<String, String> targets = new TreeMap<>();
        Map<String, String> agreedOn = new TreeMap<>();
        for (Command agree : agreements()) {
            String id = agree.body().path("commitmentId").asString();
            agreedOn.put(id, agree.body().path("agreedOn").asString());
            if (agree.body().has("target")) {
                targets.put(id, agree.body().get("target").toString());
            }
        }
        assertThat(targets).containsExactly(Map.entry("jpuk-2024-semiconductor-workshop", "{\"quarter\":\"2024-Q1\"}"));
        assertThat(agreedOn)
                .containsEntry("jpuk-2022-digital-government-moc", "2022")
                .containsEntry("jpuk-2023-semiconductor-partnership", "2023")
                .allSatisfy((id, on) -> assertThat(on).as(id).isIn("2024-01-16", "2022", "2023"));
    }

    /**
     * A ledger that loaded the seeds as first published ends, after today's corrections, with the facts a fresh ledger
     * records: each invented target withdrawn and each invented day made the year the source gives, with a reason.
     */
    @Test
    void correctionsBringALedgerHoldingThePublishedSeedsToTodaysFacts() {
        Map<String, Command> published = new HashMap<>();
        SeedLoader.readSeeds(PUBLISHED_2024).forEach(command -> published.put(command.id(), command));
        Set<String> ids = new HashSet<>();
        commands.forEach(command -> ids.add(command.id()));
        for (Command command : SeedLoader.readSeeds(SEEDS)) {
            if (command.supersedes() == null) {
                assertThat(published)
                        .as("%s is new or unchanged", command.id())
                        .hasEntrySatisfying(
                                command.id(),
                                earlier -> assertThat(earlier.body()).isEqualTo(command.body()));
                continue;
            }
            Command earlier = published.get(command.supersedes());
            assertThat(earlier)
                    .as("%s supersedes a published command", command.id())
                    .isNotNull();
            assertThat(ids).as("a superseded id is never sent again").doesNotContain(command.supersedes());
            String commitment = command.body().path("commitmentId").asString();
            JsonNode facts = earlier.body().deepCopy();
            for (Command correction : command.corrections()) {
                assertThat(correction.path()).startsWith(COMMITMENTS + "/" + commitment + "/");
                assertThat(correction.body().path("reason").asString())
                        .as(correction.id())
                        .isNotBlank();
                if (correction.path().endsWith("/amendments")) {
                    ((ObjectNode) facts).remove("target");
                    if (!correction.body().get("target").isNull()) {
                        ((ObjectNode) facts).set("target", correction.body().get("target"));
                    }
                } else {
                    assertThat(correction.path()).endsWith("/agreement-date-corrections");
                    ((ObjectNode) facts).set("agreedOn", correction.body().get("agreedOn"));
                }
            }
            for (String fact : List.of("target", "agreedOn", "parties", "area", "title", "partnershipId")) {
                assertThat(facts.get(fact))
                        .as(commitment + " " + fact)
                        .isEqualTo(command.body().get(fact));
            }
        }
    }

    @Test
    void everyOtherCommandFollowsItsCommitmentsAgreementAndActsForOneOfItsParties() {
        Map<String, JsonNode> agreed = new HashMap<>();
        for (Command command : commands) {
            if (isAgree(command)) {
                agreed.put(command.body().get("commitmentId").asString(), command.body());
                continue;
            }
            Matcher path = COMMITMENT_PATH.matcher(command.path());
            assertThat(path.matches()).as(command.path()).isTrue();
            JsonNode agreement = agreed.get(path.group(1));
            assertThat(agreement)
                    .as("%s before its commitment is agreed", command.id())
                    .isNotNull();
            assertThat(agencies(agreement))
                    .as(command.id())
                    .contains(command.body().path("actingAgency").asString());
            LocalDate agreedOn = firstDay(agreement.get("agreedOn").asString());
            for (LocalDate date : dates(command.body())) {
                assertThat(date).as(command.id()).isAfterOrEqualTo(agreedOn);
            }
        }
    }

    @Test
    void noDateIsInTheFuture() {
        LocalDate today = LocalDate.now();
        for (Command command : commands) {
            for (LocalDate date : dates(command.body())) {
                assertThat(date).as(command.id()).isBeforeOrEqualTo(today);
            }
        }
    }

    @Test
    void theSemiconductorWorkshopIsScheduledForTheFirstQuarterOf2024() {
        assertThat(commands)
                .filteredOn(command -> command.path().endsWith("/workshops"))
                .singleElement()
                .satisfies(schedule -> {
                    assertThat(schedule.path()).isEqualTo(COMMITMENTS + "/jpuk-2024-semiconductor-workshop/workshops");
                    assertThat(schedule.body().get("when").get("quarter").asString())
                            .isEqualTo("2024-Q1");
                });
    }

    /** Every {@code COUNTRY/AGENCY} that may act for the commitment's parties. */
    static Set<String> agencies(JsonNode agreement) {
        Set<String> agencies = new HashSet<>();
        for (JsonNode party : agreement.get("parties")) {
            for (JsonNode agency : party.get("agencies")) {
                agencies.add(party.get("country").asString() + "/" + agency.asString());
            }
        }
        return agencies;
    }

    /** The dates a command says something happened (targets and workshop windows are plans, not facts). */
    static List<LocalDate> dates(JsonNode body) {
        List<LocalDate> dates = new ArrayList<>();
        for (String field : body.propertyNames()) {
            JsonNode value = body.get(field);
            if (field.endsWith("On")) {
                dates.add(field.equals("agreedOn") ? firstDay(value.asString()) : LocalDate.parse(value.asString()));
            }
        }
        return dates;
    }

    /** The first day of a day or a year, the two precisions the seeds use. */
    static LocalDate firstDay(String date) {
        if (YEAR.matcher(date).matches()) {
            return LocalDate.of(Integer.parseInt(date), 1, 1);
        }
        assertThat(date).matches(DATE);
        return LocalDate.parse(date);
    }
}
