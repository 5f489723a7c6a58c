package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.DSIT;
import static io.commitmentsledger.projection.support.LedgerTopic.FAR_AHEAD;
import static io.commitmentsledger.projection.support.LedgerTopic.LONG_AGO;
import static io.commitmentsledger.projection.support.LedgerTopic.MEETING;
import static io.commitmentsledger.projection.support.LedgerTopic.METI;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentWithdrawn;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.Http.Response;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/**
 * Lists and overviews over one partnership of three commitments, published once for the class: an overdue one in
 * semiconductors, a confirmed one and a withdrawn one in ai. Their ids sort in that order.
 */
@ProjectionIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitmentListIT {

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    Http http;
    String partnership;
    String base;
    CommitmentId overdue;
    CommitmentId confirmed;
    CommitmentId withdrawn;

    @BeforeAll
    void publishAPartnership() {
        http = new Http(port);
        partnership = "partnership-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        base = "/api/v1/commitments?partnership=" + partnership;
        overdue = newId("a-overdue");
        confirmed = newId("b-confirmed");
        withdrawn = newId("c-withdrawn");
        try (LedgerTopic topic = new LedgerTopic(brokers)) {
            topic.publish(agreed(overdue, partnership, "semiconductors", "Industry-academia workshop", LONG_AGO), 0);
            topic.publish(agreed(confirmed, partnership, "ai", "Secure AI models", FAR_AHEAD), 0);
            topic.publish(new CommitmentConfirmed(confirmed, METI, MEETING), 1);
            topic.publish(new CommitmentConfirmed(confirmed, DSIT, MEETING), 2);
            topic.publish(agreed(withdrawn, partnership, "ai", "Hiroshima AI Process outreach", FAR_AHEAD), 0);
            topic.publish(new CommitmentWithdrawn(withdrawn, "Superseded", DSIT, LocalDate.of(2024, 2, 1)), 1);
        }
        awaitVersion(confirmed, 2);
        awaitVersion(withdrawn, 1);
        awaitVersion(overdue, 0);
    }

    private void awaitVersion(CommitmentId id, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response response = http.get("/api/v1/commitments/" + id);
            return response.status() == 200 && response.json().get("version").asLong() >= version;
        });
    }

    @Test
    void listsAPartnershipsCommitmentsInTheOrderOfTheirIds() {
        assertThat(ids(base)).containsExactly(overdue.value(), confirmed.value(), withdrawn.value());
    }

    @Test
    void narrowsTheListToAnArea() {
        assertThat(ids(base + "&area=ai")).containsExactly(confirmed.value(), withdrawn.value());
    }

    @Test
    void narrowsTheListToAStatus() {
        assertThat(ids(base + "&status=CONFIRMED")).containsExactly(confirmed.value());
    }

    @Test
    void narrowsTheListToOverdueCommitments() {
        assertThat(ids(base + "&overdue=true")).containsExactly(overdue.value());
    }

    @Test
    void narrowsTheListToAPartyAndWordsInTheTitle() {
        assertThat(ids(base + "&party=GB&q=hiroshima")).containsExactly(withdrawn.value());
    }

    @Test
    void listsNothingForACountryThatIsNoParty() {
        assertThat(ids(base + "&party=FR")).isEmpty();
    }

    @Test
    void pagesTheListAndCountsEveryMatch() {
        JsonNode secondPage = http.get(base + "&size=2&page=1").json();

        assertThat(ids(secondPage)).containsExactly(withdrawn.value());
        assertThat(secondPage.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void refusesAnUnknownStatus() {
        assertThat(http.get(base + "&status=SOMETHING").status()).isEqualTo(400);
    }

    @Test
    void refusesAPageLargerThanTheLargestAllowed() {
        assertThat(http.get(base + "&size=1000").status()).isEqualTo(400);
    }

    @Test
    void countsAPartnershipsCommitmentsAndHowManyAreOverdue() {
        JsonNode overview = overview();

        assertThat(overview.get("commitments").asLong()).isEqualTo(3);
        assertThat(overview.get("overdue").asLong()).isEqualTo(1);
    }

    @Test
    void countsEachAreasCommitmentsByStatusWithAreasInNameOrder() {
        JsonNode ai = overview().get("areas").get(0);

        assertThat(ai.get("area").asString()).isEqualTo("ai");
        assertThat(ai.get("byStatus").get("CONFIRMED").asLong()).isEqualTo(1);
        assertThat(ai.get("byStatus").get("WITHDRAWN").asLong()).isEqualTo(1);
    }

    private JsonNode overview() {
        return http.get("/api/v1/partnerships/" + partnership + "/overview").json();
    }

    private List<String> ids(String path) {
        return ids(http.get(path).json());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("commitmentId").asString()));
        return ids;
    }
}
