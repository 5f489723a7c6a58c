package io.commitmentsledger.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.TargetAmended;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.ledger.support.TestLogKey;
import io.commitmentsledger.ledger.support.TopicRecorder;
import io.commitmentsledger.ledger.support.TopicRecorder.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/**
 * A ledger upgraded to revision 2 of CommitmentAgreed and TargetAmended (issue 13) still holds what it stored at
 * revision 1, targets written {"quarter": ...} or {"date": ...} and a day as the agreement date. The aggregate reads
 * those through the ledger's own upcasters, so commands on such a commitment work and record revision-2 facts that
 * carry the upcast state; the history, the topic and republication keep the stored bytes at revision 1, which is what
 * their leaves in the verifiable log cover, so the log and every record's signature still verify.
 */
@LedgerIntegrationTest
class RevisionOneEventsIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** This context's own broker: the spring.embedded.kafka.brokers property names whichever broker started last. */
    String brokers;

    @Autowired
    void brokers(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
    }

    @Test
    void commandsWorkOnACommitmentStoredAtRevisionOneAndItsStoredEventsStillVerify() throws Exception {
        LedgerClient client = new LedgerClient(port);
        String id = LedgerClient.uniqueId("revision-1");
        String agreed = """
                {"commitmentId":"%s","partnershipId":"jp-uk-digital-partnership","area":"semiconductors",\
                "title":"Industry-academia-government semiconductor workshop",\
                "description":"Explore further semiconductor cooperation initiatives",\
                "parties":[{"country":"JP","agencies":["METI"]},{"country":"GB","agencies":["DSIT"]}],\
                "target":{"quarter":"2024-Q1"},"source":{"title":"Japan-UK Digital Partnership outcome document",\
                "url":"https://www.meti.go.jp/english/press/2024/0116_002.html","section":"2(2)"},\
                "actor":"JP/METI","occurredOn":"2022-12-31"}""".formatted(id);
        String amended = """
                {"commitmentId":"%s","previousTarget":{"quarter":"2024-Q1"},"newTarget":{"date":"2024-12-31"},\
                "reason":"No date in the source; assumed the end of 2024","actor":"JP/METI",\
                "occurredOn":"2024-01-16"}""".formatted(id);
        store(id, 0, CommitmentAgreed.class, agreed);
        store(id, 1, TargetAmended.class, amended);

        // the aggregate loads both, upcast: the target it withdraws is 2024-12-31, the date it corrects 2022-12-31
        Response withdrawn = client.post("/api/v1/commitments/" + id + "/amendments", """
                {"reason": "The source gives no date", "amendedOn": "2024-02-01", "actingAgency": "JP/METI"}""");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.header("ETag")).isEqualTo("\"2\"");
        Response corrected = client.post("/api/v1/commitments/" + id + "/agreement-date-corrections", """
                {"agreedOn": "2022", "reason": "The source says only that it was concluded in 2022",
                 "correctedOn": "2024-02-01", "actingAgency": "GB/DSIT"}""");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.header("ETag")).isEqualTo("\"3\"");
        Response confirmed = client.post(
                "/api/v1/commitments/" + id + "/confirmations",
                "{\"confirmedOn\": \"2022-06-01\", \"actingAgency\": \"GB/DSIT\"}");
        assertThat(confirmed.status())
                .as("a fact in 2022, before the invented 2022-12-31: %s", confirmed.body())
                .isEqualTo(200);

        // the history answers what was stored, at the revision it was stored at; new facts are revision 2
        JsonNode events =
                client.get("/api/v1/commitments/" + id + "/events").json().get("events");
        assertThat(events).hasSize(5);
        assertThat(events.get(0).get("revision").asString()).isEqualTo("1");
        assertThat(events.get(0).get("payload").toString()).isEqualTo(JsonText.compact(agreed));
        assertThat(events.get(1).get("revision").asString()).isEqualTo("1");
        assertThat(events.get(1).get("payload").get("newTarget").get("date").asString())
                .isEqualTo("2024-12-31");
        JsonNode withdrawal = events.get(2);
        assertThat(withdrawal.get("type").asString()).isEqualTo("TargetAmended");
        assertThat(withdrawal.get("revision").asString()).isEqualTo("2");
        assertThat(withdrawal.get("payload").get("previousTarget").asString()).isEqualTo("2024-12-31");
        assertThat(withdrawal.get("payload").get("newTarget").isNull()).isTrue();
        JsonNode correction = events.get(3);
        assertThat(correction.get("type").asString()).isEqualTo("AgreementDateCorrected");
        assertThat(correction.get("payload").get("previousAgreedOn").asString()).isEqualTo("2022-12-31");
        assertThat(correction.get("payload").get("agreedOn").asString()).isEqualTo("2022");

        // on the topic as stored: revision 1 as revision 1, each record's leaf rebuilt and its signature verified
        try (TopicRecorder topic = new TopicRecorder(brokers, EventTypes.DEFAULT_TOPIC)) {
            await().atMost(WITHIN).until(() -> topic.forKey(id).size() >= 5);
            List<Received> published = topic.forKey(id);
            assertThat(published.get(0).header(CloudEventHeaders.TYPE))
                    .isEqualTo("dev.commitments-ledger.CommitmentAgreed.v1");
            assertThat(published.get(0).header(CloudEventHeaders.DATA_SCHEMA)).endsWith("/CommitmentAgreed/v1.json");
            assertThat(new String(published.get(0).value(), StandardCharsets.UTF_8))
                    .isEqualTo(agreed);
            assertThat(published.get(1).header(CloudEventHeaders.TYPE))
                    .isEqualTo("dev.commitments-ledger.TargetAmended.v1");
            assertThat(published.get(2).header(CloudEventHeaders.TYPE))
                    .isEqualTo("dev.commitments-ledger.TargetAmended.v2");
            assertThat(published.get(3).header(CloudEventHeaders.TYPE))
                    .isEqualTo("dev.commitments-ledger.AgreementDateCorrected.v1");
            verifyLeaves(published.subList(0, 5));

            // republished from the store: the same records again, still revision 1, still signed as logged
            Response republished = client.post("/api/v1/admin/republications", """
                    {"commitmentId": "%s", "fromSequence": 0, "toSequence": 1}""".formatted(id));
            assertThat(republished.status()).as(republished.body()).isEqualTo(200);
            assertThat(republished.json().get("republished").asInt()).isEqualTo(2);
            await().atMost(WITHIN).until(() -> topic.forKey(id).size() >= 7);
            List<Received> again = topic.forKey(id).subList(5, 7);
            for (int i = 0; i < 2; i++) {
                assertThat(again.get(i).value()).isEqualTo(published.get(i).value());
                assertThat(again.get(i).headers()).isEqualTo(published.get(i).headers());
            }
            verifyLeaves(again);
        }

        // the log verifies the commitment's chain, revision-1 events included, once a checkpoint covers it
        await().atMost(WITHIN).untilAsserted(() -> {
            JsonNode verification =
                    client.get("/api/v1/commitments/" + id + "/verification").json();
            assertThat(verification.get("verified").asBoolean())
                    .as(verification.toString())
                    .isTrue();
            assertThat(verification.get("checkpointedEvents").asInt()).isEqualTo(5);
        });
    }

    /** Each record's leaf, rebuilt from the record alone, has its stated hash and the ledger's signature. */
    private static void verifyLeaves(List<Received> records) throws Exception {
        Base64.Decoder base64 = Base64.getDecoder();
        for (Received record : records) {
            EventTypes.NameAndRevision type = EventTypes.nameAndRevision(record.header(CloudEventHeaders.TYPE))
                    .orElseThrow();
            byte[] leafHash = base64.decode(record.header(CloudEventHeaders.LEAF_HASH));
            LogLeaf leaf = LogLeaf.of(
                    Long.parseLong(record.header(CloudEventHeaders.LOG_INDEX)),
                    record.key(),
                    record.sequence(),
                    record.eventId(),
                    type.name(),
                    Integer.toString(type.revision()),
                    record.header(CloudEventHeaders.TIME),
                    record.value(),
                    base64.decode(record.header(CloudEventHeaders.PREVIOUS_LEAF_HASH)));
            assertThat(leaf.hash()).as("leaf of sequence %s", record.sequence()).isEqualTo(leafHash);
            LeafSignature.verify(
                    leafHash, record.header(CloudEventHeaders.LEDGER_SIGNATURE), List.of(TestLogKey.verifier()));
        }
    }

    /** An event as a ledger before revision 2 stored it: its JSON, at revision 1. */
    private void store(String id, long sequence, Class<?> type, String payload) {
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                               time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, 'Commitment', ?, ?, '1', ?, ?)""")
                .params(
                        UUID.randomUUID().toString(),
                        id,
                        sequence,
                        Instant.now().toString(),
                        type.getName(),
                        payload.getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8))
                .update();
    }

    /** The payload as the history serves it (the stored bytes, parsed and written again without spaces). */
    private static final class JsonText {
        static String compact(String json) {
            return tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readTree(json)
                    .toString();
        }
    }
}
