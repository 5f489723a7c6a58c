package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.DSIT;
import static io.commitmentsledger.projection.support.LedgerTopic.FAR_AHEAD;
import static io.commitmentsledger.projection.support.LedgerTopic.MEETING;
import static io.commitmentsledger.projection.support.LedgerTopic.METI;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.CommitmentConfirmed;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.log.NoteSigner;
import io.commitmentsledger.projection.consumer.LiveProjectionListener;
import io.commitmentsledger.projection.store.Generations;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.projection.support.LedgerTopic.LedgerRecord;
import io.commitmentsledger.projection.support.ProjectionIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/**
 * The live consumer applies each poll in one transaction. These tests hold it paused while they publish, so that what
 * they publish arrives in one poll: records it must refuse in the middle of a poll lose none of the others, an event
 * that cannot be stored fails only itself (an incident), and a poll delivered again changes nothing.
 */
@ProjectionIntegrationTest
class BatchApplyIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final NoteSigner FORGER = NoteSigner.parse(NoteSigner.generate("forger.example/log"));

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

    @Autowired
    JdbcTemplate database;

    @Autowired
    Generations generations;

    Http http;
    LedgerTopic topic;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        topic = new LedgerTopic(brokers);
    }

    @AfterEach
    void tearDown() {
        live().resume();
        topic.close();
    }

    @Test
    void recordsRefusedInTheMiddleOfAPollLoseNoneOfTheOthers() {
        CommitmentId first = newId("poll-first");
        CommitmentId second = newId("poll-second");
        String poison = newId("poll-poison").value();
        LedgerRecord firstAgreed =
                LedgerTopic.record(agreed(first, "jp-uk-digital-partnership", "ai", "Poll first", FAR_AHEAD), 0);
        LedgerRecord firstConfirmed = LedgerTopic.record(new CommitmentConfirmed(first, METI, MEETING), 1);
        LedgerRecord forged = LedgerTopic.forged(
                new ProgressReported(first, "Forged in the middle of a poll", null, METI, MEETING), 2, FORGER);
        LedgerRecord firstReported =
                LedgerTopic.record(new ProgressReported(first, "Reported after the forgery", null, METI, MEETING), 2);
        LedgerRecord secondAgreed =
                LedgerTopic.record(agreed(second, "jp-uk-digital-partnership", "data", "Poll second", FAR_AHEAD), 0);
        LedgerRecord secondConfirmed = LedgerTopic.record(new CommitmentConfirmed(second, METI, MEETING), 1);
        // signed by the ledger's key, yet chained onto another sequence 1 than the one applied: refused by the chain
        // check while the poll's transaction is open, after other events of the poll were applied in it
        LedgerTopic.record(new CommitmentConfirmed(second, DSIT, MEETING), 1);
        LedgerRecord unchained =
                LedgerTopic.record(new ProgressReported(second, "On another chain", null, DSIT, MEETING), 2);

        holdingTheConsumer(() -> {
            topic.send(firstAgreed);
            topic.send(secondAgreed);
            topic.send(firstConfirmed);
            topic.publishRaw(
                    poison,
                    "{not json".getBytes(StandardCharsets.UTF_8),
                    Map.of(
                            CloudEventHeaders.TYPE,
                            "dev.commitments-ledger.CommitmentConfirmed.v1",
                            CloudEventHeaders.SUBJECT,
                            poison));
            topic.send(secondConfirmed);
            topic.send(forged);
            topic.send(unchained);
            topic.send(firstReported);
        });

        http.awaitVersion(first, 2);
        assertThat(timelineText(first)).contains("Reported after the forgery").doesNotContain("Forged");
        assertThat(http.awaitVersion(second, 1).get("version").asLong()).isEqualTo(1);
        Map<String, String> reasons = awaitDeadLetters(
                Map.of(poison, "{not json", first.value(), "Forged in the middle", second.value(), "On another chain"));
        assertThat(reasons.get(poison)).contains("not a valid");
        assertThat(reasons.get(first.value())).contains("unknown key");
        assertThat(reasons.get(second.value())).contains("ce_previousleafhash is not the leaf hash");
        assertThat(http.get("/api/v1/commitments/" + second)
                        .json()
                        .get("version")
                        .asLong())
                .isEqualTo(1);
        assertThat(timelineText(second)).doesNotContain("On another chain");
    }

    @Test
    void aPollDeliveredAgainChangesNothing() {
        CommitmentId id = newId("poll-again");
        topic.publish(agreed(id, "jp-uk-digital-partnership", "semiconductors", "Poll again", FAR_AHEAD), 0);
        topic.publish(new CommitmentConfirmed(id, METI, MEETING), 1);
        topic.publish(new CommitmentConfirmed(id, DSIT, MEETING), 2);
        http.awaitVersion(id, 2);
        String before = timelineText(id);
        double duplicates = duplicates();

        holdingTheConsumer(() -> {
            for (long sequence = 0; sequence <= 2; sequence++) {
                topic.redeliver(id, sequence);
            }
        });

        await().atMost(WITHIN).until(() -> duplicates() >= duplicates + 3);
        assertThat(timelineText(id)).isEqualTo(before);
        assertThat(http.get("/api/v1/commitments/" + id).json().get("version").asLong())
                .isEqualTo(2);

        holdingTheConsumer(() -> {
            for (long sequence = 0; sequence <= 2; sequence++) {
                topic.redeliver(id, sequence);
            }
            topic.publish(new ProgressReported(id, "After a poll delivered again", null, METI, MEETING), 3);
        });

        http.awaitVersion(id, 3);
        JsonNode entries =
                http.get("/api/v1/commitments/" + id + "/timeline").json().get("entries");
        assertThat(entries).hasSize(4);
        for (int sequence = 0; sequence < 4; sequence++) {
            assertThat(entries.get(sequence).get("sequence").asLong()).isEqualTo(sequence);
        }
    }

    @Test
    void anEventThatCannotBeStoredFailsThePollWhichIsAppliedOneByOneLosingNoneOfTheOthers() {
        CommitmentId before = newId("poll-before");
        CommitmentId unstorable = newId("poll-unstorable");
        CommitmentId after = newId("poll-after");
        String timeline = generations.active().schema() + ".timeline_entry";
        // the database refuses this one commitment's timeline entry, which fails the whole poll's transaction
        database.execute("CREATE FUNCTION public.refuse_unstorable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.commitment_id = '" + unstorable + "' THEN RAISE EXCEPTION 'cannot store %',"
                + " NEW.commitment_id; END IF; RETURN NEW; END $$");
        database.execute("CREATE TRIGGER refuse_unstorable BEFORE INSERT ON " + timeline
                + " FOR EACH ROW EXECUTE FUNCTION public.refuse_unstorable()");
        try {
            holdingTheConsumer(() -> {
                topic.publish(agreed(before, "jp-uk-digital-partnership", "ai", "Before", FAR_AHEAD), 0);
                topic.publish(agreed(unstorable, "jp-uk-digital-partnership", "ai", "Unstorable", FAR_AHEAD), 0);
                topic.publish(agreed(after, "jp-uk-digital-partnership", "ai", "After", FAR_AHEAD), 0);
            });

            http.awaitVersion(before, 0);
            http.awaitVersion(after, 0);
            await().atMost(WITHIN)
                    .untilAsserted(() -> assertThat(http.get("/actuator/health")
                                    .json()
                                    .at("/components/projection/details/incidents")
                                    .toString())
                            .contains(unstorable.value()));
            assertThat(awaitDeadLetters(Map.of(unstorable.value(), "Unstorable"))
                            .get(unstorable.value()))
                    .contains("cannot store");
        } finally {
            database.execute("DROP TRIGGER refuse_unstorable ON " + timeline);
            database.execute("DROP FUNCTION public.refuse_unstorable()");
        }

        // delivered again once it can be stored: applied, and the incident is resolved
        topic.redeliver(unstorable, 0);
        assertThat(http.awaitVersion(unstorable, 0).get("stale").asBoolean()).isFalse();
        assertThat(http.get("/actuator/health")
                        .json()
                        .at("/components/projection/details/incidents")
                        .toString())
                .doesNotContain(unstorable.value());
    }

    /** Publishes while the live consumer is paused, so that it reads what was published in one poll. */
    private void holdingTheConsumer(Runnable publishing) {
        MessageListenerContainer live = live();
        live.pause();
        await().atMost(WITHIN).until(live::isContainerPaused);
        try {
            publishing.run();
        } finally {
            live.resume();
        }
    }

    private MessageListenerContainer live() {
        MessageListenerContainer live = listeners.getListenerContainer(LiveProjectionListener.ID);
        assertThat(live).isNotNull();
        return live;
    }

    private String timelineText(CommitmentId id) {
        return http.get("/api/v1/commitments/" + id + "/timeline").json().toString();
    }

    private double duplicates() {
        JsonNode metric = http.get("/actuator/metrics/ledger.projection.events?tag=outcome:duplicate")
                .json();
        return metric.has("measurements") ? metric.at("/measurements/0/value").asDouble() : 0;
    }

    /**
     * The dead-letter reason of one record of each key, the one whose value contains the given text, once all have
     * arrived.
     */
    private Map<String, String> awaitDeadLetters(Map<String, String> valueByKey) {
        Map<String, String> reasons = new HashMap<>();
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
            await().atMost(WITHIN).until(() -> {
                for (ConsumerRecord<String, byte[]> dead : consumer.poll(Duration.ofMillis(200))) {
                    String wanted = valueByKey.get(dead.key());
                    if (wanted != null && new String(dead.value(), StandardCharsets.UTF_8).contains(wanted)) {
                        reasons.put(
                                dead.key(),
                                new String(
                                        dead.headers()
                                                .lastHeader("kafka_dlt-exception-message")
                                                .value(),
                                        StandardCharsets.UTF_8));
                    }
                }
                return reasons.keySet().containsAll(valueByKey.keySet());
            });
        }
        return reasons;
    }
}
