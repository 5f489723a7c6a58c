package io.commitmentsledger.verifier;

import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.CompactRange;
import io.commitmentsledger.contracts.log.Ed25519;
import io.commitmentsledger.contracts.log.JsonObjectReader;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.MerkleTree;
import io.commitmentsledger.contracts.log.NoteSigner;
import io.commitmentsledger.contracts.log.TlogProof;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records events exactly as the ledger does, with contracts.log: each event's leaf chained to its commitment's previous
 * one, signed, appended to the tree; and writes them as the export's NDJSON lines, Kafka records' fields, signed
 * checkpoints and proof bundles. Also the forger's tools: a line taken apart and put back together.
 */
final class TestLedger {

    /** One recorded event: its leaf, the leaf's hash and signature, and its export line. */
    record Recorded(LogLeaf leaf, byte[] leafHash, String signature, String cloudEventType, long globalPosition) {

        String line() {
            return new Line(
                            leaf.eventId(),
                            cloudEventType,
                            leaf.commitmentId(),
                            leaf.recordedAt(),
                            EventTypes.dataSchema(leaf.type(), leaf.revision()).toString(),
                            leaf.sequence(),
                            globalPosition,
                            leaf.logIndex(),
                            leafHash,
                            leaf.previousLeafHash(),
                            signature,
                            new String(leaf.payload(), StandardCharsets.UTF_8))
                    .json();
        }
    }

    private record ChainEnd(long sequence, byte[] leafHash) {}

    private final String privateKey;
    private final NoteSigner signer;
    private final CompactRange tree = new CompactRange();
    private final Map<String, ChainEnd> chains = new HashMap<>();
    /** Every leaf hash, for proofs; null when the ledger is too large to keep them (the benchmark's). */
    private final List<byte[]> leafHashes;

    private TestLedger(String privateKey, Ed25519 ed25519, boolean keepLeafHashes) {
        this.privateKey = privateKey;
        this.signer = NoteSigner.parse(privateKey, ed25519);
        this.leafHashes = keepLeafHashes ? new ArrayList<>() : null;
    }

    /** A ledger with a new key named {@code name}, the log's origin. */
    static TestLedger withNewKey(String name) {
        return new TestLedger(NoteSigner.generate(name), Ed25519.jdk(), true);
    }

    /** A ledger signing with {@code key}. */
    static TestLedger withKey(String privateKey) {
        return new TestLedger(privateKey, Ed25519.jdk(), true);
    }

    /** A large ledger that signs with a faster Ed25519 and keeps no leaf hashes (no proofs). */
    static TestLedger large(String name, Ed25519 ed25519) {
        return new TestLedger(NoteSigner.generate(name), ed25519, false);
    }

    /** The signing key, so that another ledger can sign as this one (a rewritten history, a replay). */
    String privateKey() {
        return privateKey;
    }

    byte[] root() {
        return tree.root();
    }

    /** The root the tree had at {@code size} leaves. */
    byte[] rootAt(long size) {
        return MerkleTree.root(size, this::subtree);
    }

    String verifierKey() {
        return signer.verifier().verifierKey();
    }

    long size() {
        return tree.size();
    }

    /** Records one event of {@code commitmentId}, as the ledger would. */
    Recorded record(String commitmentId, String type, String payloadJson) {
        long logIndex = tree.size();
        ChainEnd end = chains.get(commitmentId);
        long sequence = end == null ? 0 : end.sequence() + 1;
        LogLeaf leaf = LogLeaf.of(
                logIndex,
                commitmentId,
                sequence,
                "00000000-0000-4000-8000-" + String.format("%012d", logIndex),
                type,
                "1",
                recordedAt(logIndex),
                payloadJson.getBytes(StandardCharsets.UTF_8),
                end == null ? LogLeaf.NO_PREVIOUS_LEAF : end.leafHash());
        byte[] leafHash = leaf.hash();
        String signature = LeafSignature.sign(signer, leafHash);
        tree.append(leafHash);
        if (leafHashes != null) {
            leafHashes.add(leafHash);
        }
        chains.put(commitmentId, new ChainEnd(sequence, leafHash));
        return new Recorded(leaf, leafHash, signature, EventTypes.cloudEventType(type, "1"), logIndex + 1);
    }

    /** A confirmation by {@code actor}, with the payload the ledger stores for it. */
    Recorded confirm(String commitmentId, String actor) {
        return record(
                commitmentId,
                "CommitmentConfirmed",
                "{\"commitmentId\":\"" + commitmentId + "\",\"actor\":\"" + actor
                        + "\",\"occurredOn\":\"2024-01-16\"}");
    }

    /** Progress reported by {@code actor}. */
    Recorded progress(String commitmentId, String actor, String summary) {
        return record(
                commitmentId,
                "ProgressReported",
                "{\"commitmentId\":\"" + commitmentId + "\",\"actor\":\"" + actor
                        + "\",\"occurredOn\":\"2024-02-01\",\"summary\":\"" + summary + "\"}");
    }

    /** The signed checkpoint of the tree as it stands, as {@code GET /api/v1/log/checkpoint} serves it. */
    String checkpoint() {
        return signer.sign(new Checkpoint(signer.name(), tree.size(), tree.root()).text());
    }

    /** The proof bundle of the event at {@code logIndex} in the tree as it stands. */
    String proof(Recorded event) {
        long size = tree.size();
        List<byte[]> path = MerkleTree.inclusionProof(event.leaf().logIndex(), size, this::subtree);
        return new TlogProof(event.leaf(), path, checkpoint()).format();
    }

    private byte[] subtree(int level, long index) {
        long start = index << level;
        long end = Math.min(start + (1L << level), leafHashes.size());
        CompactRange range = new CompactRange();
        for (long i = start; i < end; i++) {
            range.append(leafHashes.get((int) i));
        }
        return range.root();
    }

    static String recordedAt(long logIndex) {
        return String.format(
                "2024-01-16T%02d:%02d:%02d.%06dZ",
                (logIndex / 3600) % 24, (logIndex / 60) % 60, logIndex % 60, (logIndex * 7919) % 1_000_000);
    }

    /** An export line's members, to take a line apart and write it back, as a forger would. */
    record Line(
            String id,
            String type,
            String subject,
            String time,
            String dataSchema,
            long sequence,
            long globalPosition,
            long logIndex,
            byte[] leafHash,
            byte[] previousLeafHash,
            String signature,
            String data) {

        static Line parse(String json) {
            Map<String, JsonObjectReader.Value> members = JsonObjectReader.members(json);
            return new Line(
                    members.get("id").string(),
                    members.get("type").string(),
                    members.get("subject").string(),
                    members.get("time").string(),
                    members.get("dataschema").string(),
                    Long.parseLong(members.get("commitmentsequence").source()),
                    Long.parseLong(members.get("globalposition").source()),
                    Long.parseLong(members.get("logindex").source()),
                    Base64.getDecoder().decode(members.get("leafhash").string()),
                    Base64.getDecoder().decode(members.get("previousleafhash").string()),
                    members.get("ledgersignature").string(),
                    members.get("data").source());
        }

        /** The hash of the leaf these members describe, as the ledger would compute it. */
        byte[] rebuiltLeafHash() {
            var type = EventTypes.nameAndRevision(type()).orElseThrow();
            return LogLeaf.of(
                            logIndex,
                            subject,
                            sequence,
                            id,
                            type.name(),
                            Integer.toString(type.revision()),
                            time,
                            data.getBytes(StandardCharsets.UTF_8),
                            previousLeafHash)
                    .hash();
        }

        Line withData(String newData) {
            return new Line(
                    id,
                    type,
                    subject,
                    time,
                    dataSchema,
                    sequence,
                    globalPosition,
                    logIndex,
                    leafHash,
                    previousLeafHash,
                    signature,
                    newData);
        }

        Line withTime(String newTime) {
            return new Line(
                    id,
                    type,
                    subject,
                    newTime,
                    dataSchema,
                    sequence,
                    globalPosition,
                    logIndex,
                    leafHash,
                    previousLeafHash,
                    signature,
                    data);
        }

        Line withLeafHash(byte[] hash) {
            return new Line(
                    id,
                    type,
                    subject,
                    time,
                    dataSchema,
                    sequence,
                    globalPosition,
                    logIndex,
                    hash,
                    previousLeafHash,
                    signature,
                    data);
        }

        Line withPreviousLeafHash(byte[] hash) {
            return new Line(
                    id,
                    type,
                    subject,
                    time,
                    dataSchema,
                    sequence,
                    globalPosition,
                    logIndex,
                    leafHash,
                    hash,
                    signature,
                    data);
        }

        Line withSignature(String newSignature) {
            return new Line(
                    id,
                    type,
                    subject,
                    time,
                    dataSchema,
                    sequence,
                    globalPosition,
                    logIndex,
                    leafHash,
                    previousLeafHash,
                    newSignature,
                    data);
        }

        /** The line exactly as the export writes it: these members in this order, data verbatim. */
        String json() {
            Map<String, String> members = new LinkedHashMap<>();
            members.put("specversion", string("1.0"));
            members.put("id", string(id));
            members.put("source", string("/commitments-ledger/commitments-service"));
            members.put("type", string(type));
            members.put("subject", string(subject));
            members.put("time", string(time));
            members.put("datacontenttype", string("application/json"));
            members.put("dataschema", string(dataSchema));
            members.put("commitmentsequence", Long.toString(sequence));
            members.put("globalposition", Long.toString(globalPosition));
            members.put("logindex", Long.toString(logIndex));
            members.put("leafhash", string(Base64.getEncoder().encodeToString(leafHash)));
            members.put("previousleafhash", string(Base64.getEncoder().encodeToString(previousLeafHash)));
            members.put("ledgersignature", string(signature));
            members.put("data", data);
            StringBuilder json = new StringBuilder("{");
            members.forEach((name, value) -> json.append(json.length() == 1 ? "" : ",")
                    .append(string(name))
                    .append(':')
                    .append(value));
            return json.append('}').toString();
        }

        private static String string(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
