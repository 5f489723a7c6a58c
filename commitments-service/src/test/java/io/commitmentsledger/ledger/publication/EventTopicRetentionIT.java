package io.commitmentsledger.ledger.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a real broker whose defaults delete records after 7 days: a topic the service creates keeps every record
 * for ever, and an existing topic that would delete records is reported at start-up (ERROR) and in health (DOWN).
 * Here the dead-letter topic exists beforehand with the broker's defaults, as a hand-made or auto-created topic
 * would, and the event topic is created by the service.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.embedded-postgres.data-directory=target/it-postgres-topic-retention",
            "ledger.embedded-postgres.clean-start=true",
            "spring.kafka.bootstrap-servers=${" + EventTopicRetentionIT.BROKERS + "}",
            "ledger.publication.topic=" + EventTopicRetentionIT.CREATED_TOPIC,
            "ledger.publication.dead-letter-topic=" + EventTopicRetentionIT.WEEK_LONG_TOPIC
        })
// Its own property: the default one, spring.embedded.kafka.brokers, is the shared ITs' broker (LedgerIntegrationTest).
@EmbeddedKafka(
        partitions = 1,
        topics = EventTopicRetentionIT.WEEK_LONG_TOPIC,
        bootstrapServersProperty = EventTopicRetentionIT.BROKERS)
@ExtendWith(OutputCaptureExtension.class) // from before the application starts, so it holds the start-up check
class EventTopicRetentionIT {

    static final String CREATED_TOPIC = "retention-events";
    static final String WEEK_LONG_TOPIC = "retention-events.DLT";
    static final String BROKERS = "topic-retention.kafka.brokers";

    @LocalServerPort
    int port;

    @Value("${" + BROKERS + "}")
    String brokers;

    @Test
    void createsAMissingTopicKeepingEveryRecordForEver() throws Exception {
        Config config = describe(CREATED_TOPIC);

        assertThat(config.get("retention.ms").value()).isEqualTo("-1");
        assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
        assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(config.get("unclean.leader.election.enable").value()).isEqualTo("false");
        assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
    }

    @Test
    void reportsAnExistingTopicThatWouldDeleteRecordsInHealthAndAtErrorInTheLog(CapturedOutput startUp)
            throws Exception {
        assertThat(describe(WEEK_LONG_TOPIC).get("retention.ms").value()).isEqualTo("604800000");

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode topics = JsonMapper.builder().build().readTree(response.body()).at("/components/eventTopics");

        assertThat(topics.get("status").asString()).as(topics.toString()).isEqualTo("DOWN");
        assertThat(topics.at("/details/" + CREATED_TOPIC + "/problems")).isEmpty();
        assertThat(topics.at("/details/" + CREATED_TOPIC + "/settings/retention.ms")
                        .asString())
                .isEqualTo("-1");
        assertThat(topics.at("/details/" + WEEK_LONG_TOPIC + "/problems/0").asString())
                .startsWith("retention.ms=604800000 deletes records");
        assertThat(startUp.getOut().lines().filter(line -> line.contains(" ERROR ")))
                .singleElement()
                .asString()
                .contains("Topic " + WEEK_LONG_TOPIC + " would lose events", "retention.ms=604800000");
    }

    private Config describe(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource);
        }
    }
}
