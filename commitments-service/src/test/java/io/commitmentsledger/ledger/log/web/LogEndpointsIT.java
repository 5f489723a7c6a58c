package io.commitmentsledger.ledger.log.web;

import static io.commitmentsledger.ledger.support.ProblemAssertions.assertProblem;
import static io.commitmentsledger.ledger.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.CompactRange;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.MerkleTree;
import io.commitmentsledger.contracts.log.NoteVerifier;
import io.commitmentsledger.contracts.log.TlogProof;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.LedgerClient.Response;
import io.commitmentsledger.ledger.support.LedgerIntegrationTest;
import io.commitmentsledger.ledger.support.TestLogKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an auditor gets from the log's endpoints checks out with the served verifier keys alone: the checkpoints open,
 * inclusion, consistency and tlog-proofs verify against them, and the export rebuilds, line by line, into the logged
 * leaves and the signed root. Bad input is a 400 problem, never a 500.
 */
@LedgerIntegrationTest
class LogEndpointsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private LedgerClient client;

    @BeforeEach
    void client() {
        client = new LedgerClient(port);
    }

    @Test
    void servesCheckpointsThatOpenWithTheServedVerifierKeys() throws Exception {
        String id = checkpointedCommitment("checkpoint");

        Response keys = client.get("/api/v1/log/verifier-keys");
        Response latest = client.get("/api/v1/log/checkpoint");

        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.header("Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
        List<NoteVerifier> verifiers = verifiers(keys.body());
        assertThat(verifiers.get(0).verifierKey())
                .isEqualTo(TestLogKey.verifier().verifierKey());
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.header("Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
        Checkpoint checkpoint = Checkpoint.open(latest.body(), TestLogKey.ORIGIN, verifiers);
        Response atSize = client.get("/api/v1/log/checkpoints/" + checkpoint.size());
        assertThat(atSize.body()).isEqualTo(latest.body());
        assertThat(client.eventCount(id)).isPositive();
    }

    @Test
    void servesInclusionProofsThatVerifyAgainstTheSignedRoot() throws Exception {
        String id = checkpointedCommitment("inclusion");
        List<NoteVerifier> verifiers =
                verifiers(client.get("/api/v1/log/verifier-keys").body());

        for (JsonNode event :
                client.get("/api/v1/commitments/" + id + "/events").json().get("events")) {
            String eventId = event.get("eventId").asString();
            Response byEvent = client.get("/api/v1/log/inclusion?eventId=" + eventId);
            assertThat(byEvent.status()).as(byEvent.body()).isEqualTo(200);
            JsonNode proof = byEvent.json();
            assertThat(proof.get("eventId").asString()).isEqualTo(eventId);
            Checkpoint checkpoint = Checkpoint.open(proof.get("checkpoint").asString(), TestLogKey.ORIGIN, verifiers);
            assertThat(checkpoint.size()).isEqualTo(proof.get("treeSize").asLong());
            MerkleTree.verifyInclusion(
                    proof.get("logIndex").asLong(),
                    checkpoint.size(),
                    base64(proof.get("leafHash")),
                    hashes(proof.get("proof")),
                    checkpoint.rootHash());

            Response byIndex = client.get("/api/v1/log/inclusion?logIndex="
                    + proof.get("logIndex").asLong() + "&treeSize=" + checkpoint.size());
            assertThat(byIndex.json()).isEqualTo(proof);
        }
    }

    @Test
    void servesTlogProofsThatVerifyOfflineWithTheVerifierKeys() throws Exception {
        String id = checkpointedCommitment("tlog-proof");
        List<NoteVerifier> verifiers =
                verifiers(client.get("/api/v1/log/verifier-keys").body());

        long sequence = 0;
        for (JsonNode event :
                client.get("/api/v1/commitments/" + id + "/events").json().get("events")) {
            String eventId = event.get("eventId").asString();
            Response byEvent = client.get("/api/v1/events/" + eventId + "/tlog-proof");
            assertThat(byEvent.status()).as(byEvent.body()).isEqualTo(200);
            assertThat(byEvent.header("Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
            TlogProof proof = TlogProof.parse(byEvent.body());
            proof.verify(TestLogKey.ORIGIN, verifiers);
            assertThat(proof.leaf().eventId()).isEqualTo(eventId);
            assertThat(proof.leaf().commitmentId()).isEqualTo(id);
            assertThat(proof.leaf().sequence()).isEqualTo(sequence++);
            assertThat(JSON.readTree(proof.leaf().payload())).isEqualTo(event.get("payload"));

            Response byIndex = client.get("/api/v1/log/entries/" + proof.leaf().logIndex() + "/tlog-proof");
            assertThat(TlogProof.parse(byIndex.body()).leaf()).isEqualTo(proof.leaf());
        }
    }

    @Test
    void servesConsistencyProofsBetweenTwoServedCheckpoints() throws Exception {
        checkpointedCommitment("consistency-before");
        List<NoteVerifier> verifiers =
                verifiers(client.get("/api/v1/log/verifier-keys").body());
        Checkpoint first = Checkpoint.open(client.get("/api/v1/log/checkpoint").body(), TestLogKey.ORIGIN, verifiers);
        checkpointedCommitment("consistency-after");
        Checkpoint second = Checkpoint.open(client.get("/api/v1/log/checkpoint").body(), TestLogKey.ORIGIN, verifiers);

        Response proof = client.get("/api/v1/log/consistency?from=" + first.size() + "&to=" + second.size());

        assertThat(proof.status()).as(proof.body()).isEqualTo(200);
        assertThat(second.size()).isGreaterThan(first.size());
        MerkleTree.verifyConsistency(
                first.size(),
                second.size(),
                first.rootHash(),
                second.rootHash(),
                hashes(proof.json().get("proof")));
        Checkpoint servedFirst = Checkpoint.open(
                client.get("/api/v1/log/checkpoints/" + first.size()).body(), TestLogKey.ORIGIN, verifiers);
        assertThat(servedFirst).isEqualTo(first);
    }

    @Test
    void exportsLinesThatRebuildIntoTheLoggedLeavesAndTheSignedRoot() throws Exception {
        checkpointedCommitment("export");
        List<NoteVerifier> verifiers =
                verifiers(client.get("/api/v1/log/verifier-keys").body());
        Checkpoint checkpoint =
                Checkpoint.open(client.get("/api/v1/log/checkpoint").body(), TestLogKey.ORIGIN, verifiers);

        Response export = client.get("/api/v1/ledger/export?to=" + checkpoint.size());

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(export.body()).endsWith("\n");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize((int) checkpoint.size());
        CompactRange tree = new CompactRange();
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = JSON.readTree(lines[i]);
            assertThat(new ArrayList<>(line.propertyNames()))
                    .containsExactly(
                            "specversion",
                            "id",
                            "source",
                            "type",
                            "subject",
                            "time",
                            "datacontenttype",
                            "dataschema",
                            "commitmentsequence",
                            "globalposition",
                            "logindex",
                            "leafhash",
                            "previousleafhash",
                            "ledgersignature",
                            "data");
            assertThat(line.get("logindex").asLong()).isEqualTo(i);
            assertThat(line.get("specversion").asString()).isEqualTo("1.0");
            assertThat(line.get("source").asString()).isEqualTo(CloudEventHeaders.SOURCE_VALUE);
            assertThat(line.get("datacontenttype").asString()).isEqualTo("application/json");
            EventTypes.NameAndRevision type =
                    EventTypes.nameAndRevision(line.get("type").asString()).orElseThrow();
            String revision = String.valueOf(type.revision());
            assertThat(line.get("dataschema").asString())
                    .isEqualTo(EventTypes.dataSchema(type.name(), revision).toString());
            String data = lines[i].substring(lines[i].indexOf(",\"data\":") + 8, lines[i].length() - 1);
            LogLeaf leaf = LogLeaf.of(
                    line.get("logindex").asLong(),
                    line.get("subject").asString(),
                    line.get("commitmentsequence").asLong(),
                    line.get("id").asString(),
                    type.name(),
                    revision,
                    line.get("time").asString(),
                    data.getBytes(StandardCharsets.UTF_8),
                    base64(line.get("previousleafhash")));
            assertThat(leaf.hash()).as(lines[i]).isEqualTo(base64(line.get("leafhash")));
            LeafSignature.verify(leaf.hash(), line.get("ledgersignature").asString(), verifiers);
            tree.append(leaf.hash());
        }
        assertThat(tree.root()).isEqualTo(checkpoint.rootHash());

        Response range = client.get("/api/v1/ledger/export?from=1&to=3");
        assertThat(range.body().split("\n")).containsExactly(lines[1], lines[2]);
        assertThat(client.get("/api/v1/ledger/export?from=2&to=2").status()).isEqualTo(204);
    }

    @Test
    void verifiesAnUntouchedCommitmentAndLinksItsNewestProof() {
        String id = checkpointedCommitment("verified");

        Response verification = client.get("/api/v1/commitments/" + id + "/verification");

        assertThat(verification.status()).isEqualTo(200);
        JsonNode report = verification.json();
        assertThat(report.get("verified").asBoolean()).isTrue();
        assertThat(report.get("events").asInt()).isEqualTo(client.eventCount(id));
        assertThat(report.get("checkpointedEvents").asInt()).isEqualTo(client.eventCount(id));
        assertThat(report.get("firstBrokenSequence").isNull()).isTrue();
        assertThat(report.get("reason").isNull()).isTrue();
        assertThat(client.get(report.get("proof").asString()).status()).isEqualTo(200);
    }

    @Test
    void answersBadInputWithProblemsNeverAFailure() {
        checkpointedCommitment("bad-input");
        String huge = "99999999999999999999";

        for (String query :
                List.of("from=-1", "from=abc", "to=" + huge, "from=5&to=2", "to=" + Long.MAX_VALUE, "from=01")) {
            assertProblem(client.get("/api/v1/ledger/export?" + query), 400, "invalid-request");
        }
        assertThat(fieldsNamed(client.get("/api/v1/ledger/export?from=x&to=y"))).containsExactly("from", "to");
        for (String query : List.of("", "from=1", "from=3&to=2", "from=0&to=" + Long.MAX_VALUE, "from=-1&to=2")) {
            assertProblem(client.get("/api/v1/log/consistency?" + query), 400, "invalid-request");
        }
        for (String query : List.of(
                "",
                "logIndex=0&eventId=x",
                "logIndex=-1",
                "logIndex=0&treeSize=0",
                "logIndex=0&treeSize=" + huge,
                "logIndex=0&treeSize=" + Long.MAX_VALUE,
                "logIndex=3&treeSize=3")) {
            assertProblem(client.get("/api/v1/log/inclusion?" + query), 400, "invalid-request");
        }
        assertProblem(client.get("/api/v1/log/inclusion?eventId=no-such-event"), 404, "log-entry-not-found");
        assertProblem(client.get("/api/v1/log/inclusion?logIndex=" + Long.MAX_VALUE), 404, "log-entry-not-found");
        assertProblem(client.get("/api/v1/log/checkpoints/0"), 400, "invalid-request");
        assertProblem(client.get("/api/v1/log/checkpoints/abc"), 400, "invalid-request");
        assertProblem(client.get("/api/v1/log/checkpoints/" + Long.MAX_VALUE), 404, "checkpoint-not-found");
        assertProblem(client.get("/api/v1/log/entries/-1/tlog-proof"), 400, "invalid-request");
        assertProblem(client.get("/api/v1/log/entries/" + huge + "/tlog-proof"), 400, "invalid-request");
        assertProblem(client.get("/api/v1/log/entries/" + Long.MAX_VALUE + "/tlog-proof"), 404, "log-entry-not-found");
        assertProblem(client.get("/api/v1/events/no-such-event/tlog-proof"), 404, "log-entry-not-found");
        assertProblem(client.get("/api/v1/commitments/no-such-commitment/verification"), 404, "commitment-not-found");
        assertProblem(client.get("/api/v1/commitments/Not%20An%20Id/verification"), 400, "invalid-request");
    }

    /** A new commitment with four events (0 to 3), once the newest checkpoint covers all of them. */
    private String checkpointedCommitment(String prefix) {
        String id = client.agreeNew(prefix);
        for (Response recorded : List.of(
                client.post("/api/v1/commitments/" + id + "/confirmations", LedgerClient.confirmBody("JP/METI")),
                client.post("/api/v1/commitments/" + id + "/confirmations", LedgerClient.confirmBody("GB/DSIT")),
                // Escapes and non-ASCII text, which the export must carry byte for byte.
                client.post(
                        "/api/v1/commitments/" + id + "/progress-reports",
                        LedgerClient.progressBody("Kick-off \\\"held\\\" in Tōkyō ✓")))) {
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode report =
                    client.get("/api/v1/commitments/" + id + "/verification").json();
            assertThat(report.get("verified").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("checkpointedEvents").asInt()).isEqualTo(4);
        });
        return id;
    }

    private static List<NoteVerifier> verifiers(String lines) {
        List<NoteVerifier> verifiers = new ArrayList<>();
        for (String line : lines.split("\n")) {
            verifiers.add(NoteVerifier.parse(line));
        }
        return verifiers;
    }

    private static byte[] base64(JsonNode text) {
        return Base64.getDecoder().decode(text.asString());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(base64(hash)));
        return hashes;
    }
}
