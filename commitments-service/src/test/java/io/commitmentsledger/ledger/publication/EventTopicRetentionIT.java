package io.commitmentsledger.ledger.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.commitmentsledger.ledger.support.KafkaBrokerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
            "ledger.embedded-postgres.enabled=true",
            "ledger.embedded-postgres.data-directory=target/it-postgres-topic-retention",
            "ledger.embedded-postgres.clean-start=true",
            "ledger.publication.topic=" + EventTopicRetentionIT.CREATED_TOPIC,
            "ledger.publication.dead-letter-topic=" + EventTopicRetentionIT.WEEK_LONG_TOPIC
        })
@ExtendWith(OutputCaptureExtension.class) // from before the application starts, so it holds the start-up check
// Closed afterwards: while this second application stayed up, PublicationIT in the shared one saw no records.
@DirtiesContext
class EventTopicRetentionIT {

    static final String CREATED_TOPIC = "retention-events";
    static final String WEEK_LONG_TOPIC = "retention-events.DLT";

    /**
     * A broker of its own, in its own JVM, with the broker's defaults: an {@code @EmbeddedKafka} here would publish
     * its address in the system property the shared ITs' broker uses, and send them to the wrong broker.
     */
    private static final KafkaBrokerProcess BROKER = KafkaBrokerProcess.format(Path.of(
                    "target/it-kafka-topic-retention-" + ProcessHandle.current().pid()))
            .start();

    @LocalServerPort
    int port;

    /** The dead-letter topic exists before the service starts, as a hand-made or auto-created topic would. */
    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(WEEK_LONG_TOPIC, 1, (short) 1)))
                    .all()
                    .get();
        }
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

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

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers()));
    }

    private Config describe(String topic) throws Exception {
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource);
        }
    }
}
