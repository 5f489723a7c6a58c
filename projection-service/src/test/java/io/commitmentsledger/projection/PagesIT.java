package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.DSIT;
import static io.commitmentsledger.projection.support.LedgerTopic.MEETING;
import static io.commitmentsledger.projection.support.LedgerTopic.METI;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import io.commitmentsledger.projection.support.HeadlessChromium;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** What a reader sees of the pages, rendered by a real headless browser. */
@ProjectionIntegrationTest
@EnabledIf(value = "io.commitmentsledger.projection.support.HeadlessChromium#available", disabledReason = "no Chromium")
class PagesIT {

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    String partnership;
    CommitmentId workshop;
    CommitmentId overdue;

    @BeforeEach
    void publish() {
        partnership = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        workshop = newId("semiconductor-workshop");
        overdue = newId("open-ran-third-countries");
        try (LedgerTopic topic = new LedgerTopic(brokers)) {
            topic.publish(
                    agreed(
                            workshop,
                            partnership,
                            "semiconductors",
                            "Industry-academia-government semiconductor workshop",
                            PartialDate.parse("2099-Q1")),
                    0);
            topic.publish(new CommitmentConfirmed(workshop, METI, MEETING), 1);
            topic.publish(
                    new WorkshopScheduled(
                            workshop,
                            new WorkshopId("semiconductor-workshop-2024-q1"),
                            "Japan-UK semiconductor workshop",
                            new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)),
                            WorkshopFormat.IN_PERSON,
                            null,
                            new CountryCode("GB"),
                            DSIT,
                            MEETING),
                    2);
            topic.publish(
                    agreed(
                            overdue,
                            partnership,
                            "open-ran",
                            "Open RAN deployment in third countries",
                            PartialDate.parse("2024-Q4")),
                    0);
        }
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/commitments/" + workshop).status() == 200
                        && http.get("/api/v1/commitments/" + workshop)
                                        .json()
                                        .get("version")
                                        .asLong()
                                == 2
                        && http.get("/api/v1/commitments/" + overdue).status() == 200);
    }

    @Test
    void showsWhereAPartnershipStandsWithItsOverdueCommitmentsAndItsWorkshops() {
        String page = HeadlessChromium.render("http://localhost:" + port + "/partnerships/" + partnership);

        assertThat(page).contains("<h1>" + partnership + "</h1>");
        assertThat(section(page, "progress")).contains("semiconductors").contains("open-ran");
        assertThat(section(page, "overdue"))
                .contains("Open RAN deployment in third countries")
                .doesNotContain("semiconductor workshop");
        assertThat(section(page, "workshops-window-passed-list"))
                .contains("Japan-UK semiconductor workshop")
                .contains("1 Jan 2024 to 31 Mar 2024")
                .contains("Industry-academia-government semiconductor workshop");
        assertThat(section(page, "recent"))
                .contains("Industry-academia-government semiconductor workshop")
                .contains("Open RAN deployment in third countries");
        assertThat(section(page, "activity"))
                .contains("Ministry of Economy, Trade and Industry (Japan)")
                .contains("Confirmed 1");
    }

    @Test
    void drawsACommitmentsTimelineWithEveryEntryLinkedToItsRawEvent() {
        String page = HeadlessChromium.render("http://localhost:" + port + "/commitments/" + workshop);

        String timeline = section(page, "timeline");
        Matcher entries = Pattern.compile("<li>").matcher(timeline);
        assertThat(entries.results().count()).isEqualTo(3);
        assertThat(timeline)
                .contains("Agreed by Ministry of Economy, Trade and Industry (Japan)")
                .contains("Confirmed by Ministry of Economy, Trade and Industry (Japan)")
                .contains("Japan-UK semiconductor workshop");
        Matcher links = Pattern.compile("href=\"http://localhost:8080/api/v1/events/\\d+\"")
                .matcher(timeline);
        assertThat(links.results().count()).isEqualTo(3);
        assertThat(page).contains("not confirmed").contains("2099-Q1");
    }

    @Test
    void listsThePartnershipsOnTheFrontPage() {
        String page = HeadlessChromium.render("http://localhost:" + port + "/");

        assertThat(page).contains("href=\"/partnerships/" + partnership + "\"").contains("2 commitments");
    }

    @Test
    void searchesAPartnershipsCommitmentsOnePageAtATime() {
        String first = HeadlessChromium.render(
                "http://localhost:" + port + "/commitments?partnership=" + partnership + "&size=1");
        String second = HeadlessChromium.render(
                "http://localhost:" + port + "/commitments?partnership=" + partnership + "&size=1&page=1");

        assertThat(first)
                .contains("Showing 1–1 of 2")
                .contains("href=\"/commitments?partnership=" + partnership + "&amp;page=1&amp;size=1\" rel=\"next\"");
        assertThat(second).contains("Showing 2–2 of 2").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(section(first, "results")).contains("Open RAN deployment in third countries", "2024-Q4");
        assertThat(section(second, "results"))
                .contains("Industry-academia-government semiconductor workshop", "2099-Q1");
    }

    @Test
    void answersAnUnknownCommitmentWithANotFoundPageForBrowsersAndAProblemForOthers() {
        CommitmentId unknown = newId("unknown");
        Http.Response problem = new Http(port).get("/commitments/" + unknown);
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.contentType()).startsWith("application/problem+json");

        String page = HeadlessChromium.render("http://localhost:" + port + "/commitments/" + unknown);
        assertThat(page).contains("<h1>Not found</h1>").contains("no commitment " + unknown + " is known");
    }

    /** The element with this id, as the browser rendered it. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element #%s on the page", id).isNotNegative();
        int tagStart = page.lastIndexOf('<', start);
        String tag = page.substring(tagStart + 1, page.indexOf(' ', tagStart));
        int end = page.indexOf("</" + tag + ">", start);
        return page.substring(start, end);
    }
}
