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
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.DateWindow;
import io.commitmentsledger.contracts.WorkshopFormat;
import io.commitmentsledger.contracts.WorkshopId;
import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.CommitmentCompleted;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.CommitmentMarkedComplete;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.events.WorkshopScheduled;
import io.commitmentsledger.projection.consumer.LiveProjectionListener;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.Http.Response;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/** The projection consumes the event topic of a real broker into a real PostgreSQL and answers queries from it. */
@ProjectionIntegrationTest
class ProjectionIT {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;

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

    private JsonNode awaitVersion(CommitmentId id, long version) {
        return http.awaitVersion(id, version);
    }

    /** Agrees, confirms on both sides, schedules a workshop and completes, as the ledger would publish it. */
    private CommitmentId journey(String prefix) {
        CommitmentId id = newId(prefix);
        topic.publish(agreed(id, "jp-uk-digital-partnership", "semiconductors", "Semiconductor workshop", LONG_AGO), 0);
        topic.publish(new CommitmentConfirmed(id, METI, MEETING), 1);
        topic.publish(new CommitmentConfirmed(id, DSIT, MEETING), 2);
        topic.publish(
                new WorkshopScheduled(
                        id,
                        new WorkshopId("semiconductor-workshop"),
                        "Semiconductor workshop",
                        new DateWindow(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)),
                        WorkshopFormat.IN_PERSON,
                        "London",
                        new CountryCode("GB"),
                        DSIT,
                        MEETING),
                3);
        topic.publish(new CommitmentMarkedComplete(id, "Workshop held", METI, LocalDate.of(2024, 3, 28)), 4);
        topic.publish(new CommitmentMarkedComplete(id, "Workshop held", DSIT, LocalDate.of(2024, 3, 28)), 5);
        topic.publish(new CommitmentCompleted(id, DSIT, LocalDate.of(2024, 3, 28)), 6);
        return id;
    }

    @Test
    void createsTheDeadLetterTopicKeepingEveryRecord() throws Exception {
        ConfigResource deadLetters = new ConfigResource(ConfigResource.Type.TOPIC, EventTypes.DEFAULT_TOPIC + ".DLT");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Config config =
                    admin.describeConfigs(List.of(deadLetters)).all().get().get(deadLetters);

            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
        }
    }

    @Test
    void buildsWhereACommitmentStands() {
        CommitmentId id = journey("journey");

        JsonNode summary = awaitVersion(id, 6);
        assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(summary.get("overdue").asBoolean()).isFalse();
        assertThat(summary.get("parties").get(1).get("confirmedOn").asString()).isEqualTo("2024-01-16");
        assertThat(summary.get("parties").get(0).get("markedCompleteOn").asString())
                .isEqualTo("2024-03-28");
        assertThat(summary.get("workshops").get(0).get("workshopId").asString()).isEqualTo("semiconductor-workshop");
        assertThat(summary.get("lastActivityOn").asString()).isEqualTo("2024-03-28");
    }

    @Test
    void buildsACommitmentsTimelineInSequenceOrderWithWhoActedAndALineForPeople() {
        CommitmentId id = journey("timeline");
        awaitVersion(id, 6);

        JsonNode timeline = http.get("/api/v1/commitments/" + id + "/timeline").json();
        JsonNode entries = timeline.get("entries");
        assertThat(entries.size()).isEqualTo(7);
        for (int i = 0; i < 7; i++) {
            JsonNode entry = entries.get(i);
            assertThat(entry.get("sequence").asLong()).isEqualTo(i);
            assertThat(entry.get("globalPosition").asLong()).isPositive();
            assertThat(entry.get("summary").asString()).isNotBlank().doesNotContain("\n");
            assertThat(entry.get("recordedAt").asString()).isNotBlank();
        }
        assertThat(entries.get(1).get("kind").asString()).isEqualTo("CommitmentConfirmed");
        assertThat(entries.get(2).get("actorCountry").asString()).isEqualTo("GB");
        assertThat(entries.get(2).get("actorAgency").asString()).isEqualTo("DSIT");
        assertThat(entries.get(2).get("summary").asString()).contains("GB/DSIT");
    }

    @Test
    void changesNothingWhenAnEventIsDeliveredTwice() {
        CommitmentId id = newId("redelivered");
        topic.publish(agreed(id, "jp-uk-digital-partnership", "ai", "Hiroshima AI Process outreach", FAR_AHEAD), 0);
        String eventId = UUID.randomUUID().toString();
        CommitmentConfirmed confirmed = new CommitmentConfirmed(id, METI, MEETING);
        topic.publish(confirmed, 1, Instant.now(), eventId);
        topic.publish(confirmed, 1, Instant.now(), eventId);
        topic.publish(new CommitmentConfirmed(id, DSIT, MEETING), 2);

        awaitVersion(id, 2);
        assertThat(http.get("/api/v1/commitments/" + id + "/timeline")
                        .json()
                        .get("entries")
                        .size())
                .isEqualTo(3);
    }

    @Test
    void holdsBackEventsAfterAHoleShowsTheHoleAndCatchesUpWhenItIsFilled() {
        CommitmentId id = newId("hole");
        topic.publish(agreed(id, "jp-uk-digital-partnership", "data", "DFFT cooperation", FAR_AHEAD), 0);
        // the ledger recorded sequence 1, but its record comes late
        LedgerTopic.LedgerRecord late = LedgerTopic.record(new CommitmentConfirmed(id, METI, MEETING), 1);
        topic.publish(new CommitmentConfirmed(id, DSIT, MEETING), 2);

        await().atMost(VISIBLE_WITHIN)
                .untilAsserted(() -> assertThat(http.get("/actuator/health")
                                .json()
                                .at("/components/projection/details/holes")
                                .toString())
                        .contains(id.value()));
        assertThat(http.get("/api/v1/commitments/" + id).json().get("version").asLong())
                .isZero();
        assertThat(http.get("/actuator/metrics/ledger.projection.sequence.holes")
                        .json()
                        .at("/measurements/0/value")
                        .asDouble())
                .isGreaterThanOrEqualTo(1);

        topic.send(late);

        JsonNode summary = awaitVersion(id, 2);
        assertThat(summary.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(http.get("/actuator/health")
                        .json()
                        .at("/components/projection/details/holes")
                        .toString())
                .doesNotContain(id.value());
    }

    @Test
    void sendsUnreadableRecordsToTheDeadLetterTopicWithTheReasonAndGoesOn() {
        String badKey = newId("poison").value();
        topic.publishRaw(
                badKey,
                "{not json".getBytes(StandardCharsets.UTF_8),
                Map.of(
                        CloudEventHeaders.TYPE,
                        "dev.commitments-ledger.CommitmentConfirmed.v1",
                        CloudEventHeaders.SUBJECT,
                        badKey));
        topic.publishRaw(
                badKey,
                "{}".getBytes(StandardCharsets.UTF_8),
                Map.of(
                        CloudEventHeaders.TYPE,
                        "dev.commitments-ledger.CommitmentConfirmed.v9",
                        CloudEventHeaders.SUBJECT,
                        badKey));
        CommitmentId after = newId("after-poison");
        topic.publish(
                agreed(after, "jp-uk-digital-partnership", "open-ran", "Open RAN in third countries", FAR_AHEAD), 0);

        awaitVersion(after, 0);
        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(EventTypes.DEFAULT_TOPIC + ".DLT"));
            await().atMost(VISIBLE_WITHIN).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (badKey.equals(record.key())) {
                        deadLetters.add(record);
                    }
                });
                return deadLetters.size() == 2;
            });
        }
        List<String> reasons = deadLetters.stream()
                .map(record -> new String(
                        record.headers()
                                .lastHeader("kafka_dlt-exception-message")
                                .value(),
                        StandardCharsets.UTF_8))
                .toList();
        assertThat(reasons.get(0)).contains("not a valid");
        assertThat(reasons.get(1)).contains("not yet understood", "CommitmentConfirmed revision 9 is newer");
    }

    /**
     * Agreed at 2024-01-16T09:00Z, confirmed by JP at 2024-01-17T09:00Z and by GB a minute later, as recorded; JP's
     * confirmation happened in the world on 2024-01-16.
     */
    private CommitmentId recordedOverTwoDays(String prefix) {
        CommitmentId id = newId(prefix);
        Instant agreedAt = Instant.parse("2024-01-16T09:00:00Z");
        Instant confirmedAt = Instant.parse("2024-01-17T09:00:00Z");
        topic.publish(agreed(id, "jp-uk-digital-partnership", "data", "CBPR promotion", FAR_AHEAD), 0, agreedAt);
        topic.publish(new CommitmentConfirmed(id, METI, MEETING), 1, confirmedAt);
        topic.publish(new CommitmentConfirmed(id, DSIT, MEETING), 2, confirmedAt.plusSeconds(60));
        awaitVersion(id, 2);
        return id;
    }

    @Test
    void answersACommitmentAsItWasKnownAtAnEarlierInstant() {
        CommitmentId id = recordedOverTwoDays("as-of");

        JsonNode then = http.get("/api/v1/commitments/" + id + "?asOf=2024-01-16T12:00:00Z")
                .json();
        assertThat(then.get("status").asString()).isEqualTo("AGREED");
        assertThat(then.get("version").asLong()).isZero();
    }

    @Test
    void answersATimelineWithOnlyWhatWasRecordedByAnEarlierInstant() {
        CommitmentId id = recordedOverTwoDays("as-of-timeline");

        assertThat(http.get("/api/v1/commitments/" + id + "/timeline?asOf=2024-01-16T12:00:00Z")
                        .json()
                        .get("entries")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void answersAnEarlierInstantWithTheWorldDatesOfWhatWasRecordedByThen() {
        CommitmentId id = recordedOverTwoDays("as-of-world-date");

        assertThat(http.get("/api/v1/commitments/" + id + "?asOf=2024-01-17T09:00:30Z")
                        .json()
                        .get("parties")
                        .get(0)
                        .get("confirmedOn")
                        .asString())
                .isEqualTo("2024-01-16");
    }

    @Test
    void answers404ForAnInstantBeforeTheCommitmentWasKnown() {
        CommitmentId id = recordedOverTwoDays("as-of-too-early");

        assertThat(http.get("/api/v1/commitments/" + id + "?asOf=2020-01-01T00:00:00Z")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void waitsForTheVersionAReaderJustWroteInsteadOfAnsweringStale() throws Exception {
        CommitmentId id = newId("read-your-writes");
        topic.publish(
                agreed(id, "jp-uk-digital-partnership", "digital-transformation", "Government cloud", FAR_AHEAD), 0);
        awaitVersion(id, 0);

        CompletableFuture<Response> reader =
                CompletableFuture.supplyAsync(() -> http.get("/api/v1/commitments/" + id + "?minVersion=1&wait=20s"));
        topic.publish(new ProgressReported(id, "Knowledge shared on procurement reform", null, DSIT, MEETING), 1);

        Response response = reader.get();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void answers503WithTheVersionItHasWhenTheWantedOneDoesNotArriveInTime() {
        CommitmentId id = newId("not-yet-visible");
        topic.publish(
                agreed(id, "jp-uk-digital-partnership", "digital-transformation", "Government cloud", FAR_AHEAD), 0);
        topic.publish(new ProgressReported(id, "Knowledge shared on procurement reform", null, DSIT, MEETING), 1);
        awaitVersion(id, 1);

        Response tooSoon = http.get("/api/v1/commitments/" + id + "/timeline?minVersion=5&wait=200ms");
        assertThat(tooSoon.status()).isEqualTo(503);
        assertThat(tooSoon.json().get("type").asString())
                .isEqualTo("https://commitments-ledger.dev/problems/version-not-yet-visible");
        assertThat(tooSoon.json().get("currentVersion").asLong()).isEqualTo(1);
    }

    @Test
    void describesTheQueryApiInOpenApi31() {
        JsonNode api = http.get("/v3/api-docs").json();

        assertThat(api.get("openapi").asString()).startsWith("3.1");
        assertThat(api.get("paths").propertyNames())
                .contains(
                        "/api/v1/commitments",
                        "/api/v1/commitments/{commitmentId}",
                        "/api/v1/commitments/{commitmentId}/timeline",
                        "/api/v1/partnerships/{partnershipId}/overview",
                        "/api/v1/admin/rebuilds",
                        "/api/v1/admin/rebuilds/current")
                .doesNotContain("/partnerships/{partnershipId}");
    }

    @Test
    void describesTheAsynchronousAnswersAsWhatTheyCarry() {
        JsonNode paths = http.get("/v3/api-docs").json().get("paths");

        assertThat(paths.at("/~1api~1v1~1commitments~1{commitmentId}/get/responses/200")
                        .toString())
                .contains("#/components/schemas/Commitment\"");
        assertThat(paths.at("/~1api~1v1~1commitments~1{commitmentId}~1timeline/get/responses/200")
                        .toString())
                .contains("#/components/schemas/Timeline\"");
    }

    @Test
    void answers404AsProblemForAnUnknownCommitment() {
        Response response = http.get("/api/v1/commitments/" + newId("unknown"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void exposesTheAgeOfTheNewestAppliedEvent() {
        CommitmentId id = journey("metrics");
        awaitVersion(id, 6);

        JsonNode age =
                http.get("/actuator/metrics/ledger.projection.newest.event.age").json();
        assertThat(age.at("/measurements/0/value").asDouble()).isBetween(0.0, 60.0);
    }

    @Test
    void exposesConsumerLagPerPartitionInMetricsAndHealth() {
        CommitmentId id = journey("lag");
        awaitVersion(id, 6);

        await().atMost(VISIBLE_WITHIN)
                .untilAsserted(() -> assertThat(http.get("/actuator/metrics/ledger.projection.consumer.lag")
                                .json()
                                .toString())
                        .contains("\"partition\"")
                        .contains("\"0\"", "\"1\"", "\"2\""));
        JsonNode health = http.get("/actuator/health").json().at("/components/projection");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/details/lagByPartition").size()).isEqualTo(3);
    }

    @Test
    void reportsDownWhenEventsWaitAndNothingIsApplied() {
        var consumer = listeners.getListenerContainer(LiveProjectionListener.ID);
        consumer.pause();
        try {
            await().atMost(VISIBLE_WITHIN).until(consumer::isContainerPaused);
            CommitmentId id = newId("stuck");
            topic.publish(agreed(id, "jp-uk-digital-partnership", "ai", "Secure AI models", FAR_AHEAD), 0);

            await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
                JsonNode health = http.get("/actuator/health").json().at("/components/projection");
                assertThat(health.get("status").asString()).isEqualTo("DOWN");
                assertThat(health.at("/details/reason").asString()).contains("wait");
            });
        } finally {
            consumer.resume();
        }
        awaitProjectionUp();
    }

    private void awaitProjectionUp() {
        await().atMost(VISIBLE_WITHIN)
                .untilAsserted(() -> assertThat(http.get("/actuator/health")
                                .json()
                                .at("/components/projection/status")
                                .asString())
                        .isEqualTo("UP"));
    }

    @Test
    void reportsDownWhenItsConsumerStops() {
        var consumer = listeners.getListenerContainer(LiveProjectionListener.ID);
        consumer.stop();
        try {
            JsonNode health = http.get("/actuator/health").json().at("/components/projection");
            assertThat(health.get("status").asString()).isEqualTo("DOWN");
            assertThat(health.at("/details/reason").asString()).contains("not running");
        } finally {
            consumer.start();
        }
        awaitProjectionUp();
    }
}
