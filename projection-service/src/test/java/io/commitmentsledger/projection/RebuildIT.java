package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.DSIT;
import static io.commitmentsledger.projection.support.LedgerTopic.MEETING;
import static io.commitmentsledger.projection.support.LedgerTopic.METI;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.Http.Response;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/** A rebuild from the start of the topic gives exactly the answers the live projection gave, then takes over. */
@ProjectionIntegrationTest
class RebuildIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    @Test
    void rebuildsIntoANewGenerationWithIdenticalAnswersAndSwitchesOverWhileAnswering() {
        Http http = new Http(port);
        List<CommitmentId> ids = new ArrayList<>();
        try (LedgerTopic topic = new LedgerTopic(brokers)) {
            for (int i = 0; i < 30; i++) {
                CommitmentId id = newId("rebuild");
                ids.add(id);
                topic.publish(
                        agreed(
                                id,
                                "jp-uk-digital-partnership",
                                i % 2 == 0 ? "ai" : "data",
                                "Commitment " + i,
                                PartialDate.parse(i % 3 == 0 ? "2024-Q1" : "2099-Q1")),
                        0);
                topic.publish(new CommitmentConfirmed(id, METI, MEETING), 1);
                if (i % 2 == 0) {
                    topic.publish(new CommitmentConfirmed(id, DSIT, MEETING), 2);
                    topic.publish(new ProgressReported(id, "Report " + i, null, DSIT, MEETING), 3);
                }
            }
            // a redelivery and a hole, which the rebuild must treat exactly as the live consumer did
            topic.redeliver(ids.get(1), 1);
            CommitmentId holed = newId("rebuild-hole");
            ids.add(holed);
            topic.publish(
                    agreed(holed, "jp-uk-digital-partnership", "ai", "With a hole", PartialDate.parse("2099-Q1")), 0);
            LedgerTopic.record(new CommitmentConfirmed(holed, METI, MEETING), 1); // recorded, never delivered
            topic.publish(new ProgressReported(holed, "Arrives before sequence 1", null, DSIT, MEETING), 2);
        }
        CommitmentId last = ids.get(ids.size() - 3);
        await().atMost(WITHIN).until(() -> {
            Response response = http.get("/api/v1/commitments/" + last);
            return response.status() == 200 && response.json().get("version").asLong() == 3;
        });
        CommitmentId holed = ids.get(ids.size() - 1);
        await().atMost(WITHIN)
                .until(() -> http.get("/actuator/health")
                        .json()
                        .at("/components/projection/details/holes")
                        .toString()
                        .contains(holed.value()));
        Map<String, String> before = answers(http, ids);
        String generationBefore = activeGeneration(http);

        Response started = http.post("/api/v1/admin/rebuilds");
        assertThat(started.status()).isEqualTo(202);

        await().atMost(WITHIN).until(() -> {
            assertThat(http.get("/api/v1/commitments/" + last).status())
                    .as("the current generation keeps answering")
                    .isEqualTo(200);
            return "DONE"
                    .equals(http.get("/api/v1/admin/rebuilds/current")
                            .json()
                            .get("state")
                            .asString());
        });
        JsonNode status = http.get("/api/v1/admin/rebuilds/current").json();
        assertThat(status.get("eventsDone").asLong())
                .isEqualTo(status.get("eventsTotal").asLong())
                .isPositive();
        assertThat(status.get("generation").asString()).isNotEqualTo(generationBefore);
        assertThat(activeGeneration(http)).isEqualTo(status.get("generation").asString());
        assertThat(answers(http, ids)).isEqualTo(before);

        try (LedgerTopic topic = new LedgerTopic(brokers)) {
            topic.publish(new ProgressReported(last, "After the rebuild", null, METI, MEETING), 4);
        }
        await().atMost(WITHIN)
                .until(() -> http.get("/api/v1/commitments/" + last)
                                .json()
                                .get("version")
                                .asLong()
                        == 4);
    }

    /** Every answer about these commitments, as JSON text: list, summaries, timelines and the overview. */
    private static Map<String, String> answers(Http http, List<CommitmentId> ids) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(
                "overview",
                http.get("/api/v1/partnerships/jp-uk-digital-partnership/overview")
                        .body());
        answers.put(
                "list",
                http.get("/api/v1/commitments?partnership=jp-uk-digital-partnership&size=100")
                        .body());
        for (CommitmentId id : ids) {
            answers.put(id + " summary", http.get("/api/v1/commitments/" + id).body());
            answers.put(
                    id + " timeline",
                    http.get("/api/v1/commitments/" + id + "/timeline").body());
        }
        return answers;
    }

    private static String activeGeneration(Http http) {
        return http.get("/actuator/health")
                .json()
                .at("/components/projection/details/activeGeneration")
                .asString();
    }
}
