package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.DSIT;
import static io.commitmentsledger.projection.support.LedgerTopic.FAR_AHEAD;
import static io.commitmentsledger.projection.support.LedgerTopic.MEETING;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/**
 * Text that PostgreSQL cannot store (U+0000) or that would reorder a page (bidirectional controls), as events recorded
 * by older versions of the write side may carry it.
 */
@ProjectionIntegrationTest
class UnusualTextIT {

    /** A title that a right-to-left override would show as "Report on exe.txt" unless the override is made visible. */
    private static final String REORDERING_TITLE = "Report on \u202Etxt.exe\u202C and \u2066isolates\u2069";

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    Http http;
    LedgerTopic topic;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        topic = new LedgerTopic(brokers);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void appliesEventsCarryingNulWithEachNulShownAsTheReplacementCharacter() {
        CommitmentId id = newId("nul");
        topic.publish(agreed(id, "jp-uk-digital-partnership", "ai", "Secure\u0000AI models", FAR_AHEAD), 0);
        topic.publish(new ProgressReported(id, "Evaluations\u0000shared", null, DSIT, MEETING), 1);

        JsonNode summary = http.awaitVersion(id, 1);

        assertThat(summary.get("title").asString()).isEqualTo("Secure\uFFFDAI models");
        JsonNode entries =
                http.get("/api/v1/commitments/" + id + "/timeline").json().get("entries");
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(1).get("summary").asString())
                .contains("Evaluations\uFFFDshared")
                .doesNotContain("\u0000");
    }

    @Test
    void findsACommitmentWhoseTitleCarriedNulByTheRestOfItsTitle() {
        CommitmentId id = newId("nul-search");
        String partnership = "nul-" + UUID.randomUUID().toString().substring(0, 8);
        topic.publish(agreed(id, partnership, "ai", "Quantum\u0000computing exchange", FAR_AHEAD), 0);
        http.awaitVersion(id, 0);

        JsonNode page = http.get("/api/v1/commitments?partnership=" + partnership + "&q=computing")
                .json();

        assertThat(page.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void showsBidirectionalControlsOnThePagesVisiblyInsteadOfLettingThemReorderTheText() {
        CommitmentId id = newId("bidi");
        String partnership = "bidi-" + UUID.randomUUID().toString().substring(0, 8);
        topic.publish(agreed(id, partnership, "ai", REORDERING_TITLE, FAR_AHEAD), 0);
        topic.publish(new ProgressReported(id, "Shared \u202Bnotes\u202C", null, DSIT, MEETING), 1);
        http.awaitVersion(id, 1);

        String commitmentPage = http.get("/commitments/" + id).body();
        String partnershipPage = http.get("/partnerships/" + partnership).body();

        for (String page : new String[] {commitmentPage, partnershipPage}) {
            assertThat(page)
                    .doesNotContain("\u202E", "\u202C", "\u2066", "\u2069", "\u202B")
                    .contains("<span class=\"bidi-control\" title=\"right-to-left override\">&lt;U+202E&gt;</span>");
        }
        assertThat(commitmentPage)
                .contains("<title>Report on &lt;U+202E&gt;txt.exe&lt;U+202C&gt;")
                .contains("&lt;U+202B&gt;</span>notes");
    }

    @Test
    void keepsBidirectionalControlsVerbatimInTheApi() {
        CommitmentId id = newId("bidi-api");
        topic.publish(agreed(id, "jp-uk-digital-partnership", "ai", REORDERING_TITLE, FAR_AHEAD), 0);

        assertThat(http.awaitVersion(id, 0).get("title").asString()).isEqualTo(REORDERING_TITLE);
    }
}
