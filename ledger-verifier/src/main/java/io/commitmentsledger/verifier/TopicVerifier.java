package io.commitmentsledger.verifier;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.VerificationFailure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code verify-topic}: the checks of {@code verify-export}, from Kafka alone. Records of one commitment share a
 * partition, but partitions interleave and re-published duplicates come late, so the records are first read and
 * checked one by one, then replayed in log order: that keeps, per event, its leaf hash, stated leaf hash, previous leaf
 * hash, commitment, sequence and place on the topic (about 200 bytes an event; 40 MB for 200,000 events).
 *
 * <p>Every checkpoint on the checkpoint topic is checked: each must be signed by a trusted key and have the root of
 * that many of the topic's leaves, so an older checkpoint the ledger published and a newer one cannot disagree.
 */
final class TopicVerifier {

    static final String DEFAULT_CHECKPOINT_TOPIC = "commitment-checkpoints";

    /** One event read from the topic, kept until the replay in log order. */
    private record Slot(
            int partition,
            long offset,
            String commitmentId,
            long sequence,
            byte[] rebuilt,
            byte[] stated,
            byte[] previous) {}

    /** A checkpoint that verified, and where it was found. */
    private record FoundCheckpoint(Checkpoint checkpoint, String where, String signers) {}

    private final Report report;
    private final Trust trust;
    private final TopicReader reader;
    private final String topic;
    private final String checkpointTopic;
    private final boolean allSignatures;
    private final LeafChecks checks;
    private final TreeMap<Long, Slot> slots = new TreeMap<>();
    private final Map<String, String> commitmentIds = new HashMap<>();
    private long records;
    private long duplicates;

    private TopicVerifier(
            Report report,
            Trust trust,
            TopicReader reader,
            String topic,
            String checkpointTopic,
            boolean allSignatures) {
        this.report = report;
        this.trust = trust;
        this.reader = reader;
        this.topic = topic;
        this.checkpointTopic = checkpointTopic;
        this.allSignatures = allSignatures;
        this.checks = new LeafChecks(report, trust);
    }

    static int run(Arguments arguments, Report report) throws UsageError {
        Trust trust = Trust.of(arguments.all("--key"), arguments.optional("--origin"));
        String servers = arguments.required("--bootstrap-servers");
        try (TopicReader reader = new TopicReader(servers)) {
            return new TopicVerifier(
                            report,
                            trust,
                            reader,
                            arguments.optional("--topic", EventTypes.DEFAULT_TOPIC),
                            arguments.optional("--checkpoint-topic", DEFAULT_CHECKPOINT_TOPIC),
                            arguments.flag("--all-signatures"))
                    .verify();
        }
    }

    private int verify() throws UsageError {
        long start = System.nanoTime();
        // Checkpoints first: the events read after them are at least those the checkpoints cover.
        TreeMap<Long, FoundCheckpoint> checkpoints = checkpoints();
        FoundCheckpoint latest =
                checkpoints.isEmpty() ? null : checkpoints.lastEntry().getValue();
        if (latest == null) {
            report.failure(
                    "checkpoint topic " + checkpointTopic, "no checkpoint on it verifies: no root can be checked");
        }
        long covered = latest == null ? 0 : latest.checkpoint().size();

        reader.read(topic, record -> read(record, covered));

        LogAudit audit = new LogAudit(report, checkpoints.keySet());
        for (Map.Entry<Long, Slot> entry : slots.entrySet()) {
            Slot slot = entry.getValue();
            audit.leaf(new LogAudit.Leaf(
                    topic + " partition " + slot.partition() + " offset " + slot.offset() + " (log index "
                            + entry.getKey() + ", commitment " + slot.commitmentId() + ", sequence " + slot.sequence()
                            + ")",
                    entry.getKey(),
                    slot.commitmentId(),
                    slot.sequence(),
                    slot.rebuilt(),
                    slot.stated(),
                    slot.previous()));
        }
        LogAudit.RootCheck latestCheck = null;
        for (FoundCheckpoint found : checkpoints.values()) {
            boolean isLatest = found == latest;
            LogAudit.RootCheck check = audit.checkAndReport(
                    "checkpoint " + found.where(),
                    found.checkpoint(),
                    "the topic",
                    isLatest
                            ? "the topic is not the log the ledger signed"
                            : "the topic no longer holds the log the ledger showed then");
            if (isLatest) {
                latestCheck = check;
            }
        }
        if (latest != null && audit.startsAtZero() && latestCheck != LogAudit.RootCheck.MATCHES && !allSignatures) {
            locate(covered);
        }

        report.summary(
                "topic",
                topic + ": " + records + " records, " + duplicates + " of them identical re-publications, "
                        + audit.leaves() + " events"
                        + (audit.leaves() == 0
                                ? ""
                                : ", log indexes " + audit.firstIndex() + " to " + audit.lastIndex())
                        + ", " + audit.commitments() + " commitments");
        report.summary(
                "tree",
                audit.startsAtZero()
                        ? audit.leaves() + " leaves, root " + Report.base64(audit.root())
                        : "no root: the topic starts at log index " + audit.firstIndex());
        report.summary(
                "checkpoints",
                checkpointTopic + ": " + checkpoints.size() + " distinct checkpoints verified and checked against the"
                        + " topic");
        if (latest != null) {
            report.summary(
                    "latest",
                    found(latest) + ": "
                            + (latestCheck == LogAudit.RootCheck.MATCHES
                                    ? "root matches the topic"
                                    : "DOES NOT MATCH"));
        }
        report.summary(
                "signatures",
                checks.signaturesChecked() + " checked, " + checks.signaturesFailed() + " failed"
                        + (allSignatures
                                ? " (--all-signatures)"
                                : latestCheck == LogAudit.RootCheck.MATCHES
                                        ? " (the leaves past the latest checkpoint: its root vouches for the others)"
                                        : " (every leaf: no matching root vouches for them)"));
        report.summary("rate", Report.rate(audit.leaves(), System.nanoTime() - start));
        return report.verdict();
    }

    /** Every checkpoint on the checkpoint topic that verifies, by tree size; two of one size must agree. */
    private TreeMap<Long, FoundCheckpoint> checkpoints() throws UsageError {
        TreeMap<Long, FoundCheckpoint> found = new TreeMap<>();
        reader.read(checkpointTopic, record -> {
            String note = new String(record.value(), StandardCharsets.UTF_8);
            Checkpoint checkpoint;
            try {
                checkpoint = trust.open(note);
            } catch (VerificationFailure e) {
                report.failure("checkpoint " + record.where(), e.getMessage());
                return;
            }
            FoundCheckpoint other = found.get(checkpoint.size());
            if (other == null) {
                found.put(checkpoint.size(), new FoundCheckpoint(checkpoint, record.where(), trust.signersOf(note)));
            } else if (!Arrays.equals(other.checkpoint().rootHash(), checkpoint.rootHash())) {
                report.failure(
                        "checkpoint " + record.where(),
                        "it covers " + checkpoint.size() + " leaves with root " + Report.base64(checkpoint.rootHash())
                                + ", but the checkpoint at " + other.where() + " signed root "
                                + Report.base64(other.checkpoint().rootHash()) + " for as many: the ledger showed two"
                                + " different logs");
            }
        });
        return found;
    }

    /** The first pass, record by record: the leaf, and the signature if no root covers it. */
    private void read(TopicRecord record, long covered) {
        records++;
        LedgerEvent event = event(record);
        byte[] rebuilt = event == null ? null : checks.rebuild(event);
        if (event == null || rebuilt == null) {
            return;
        }
        if (allSignatures || event.logIndex() >= covered) {
            checks.signature(event, rebuilt);
        }
        Slot existing = slots.get(event.logIndex());
        if (existing == null) {
            slots.put(
                    event.logIndex(),
                    new Slot(
                            record.partition(),
                            record.offset(),
                            commitmentIds.computeIfAbsent(event.commitmentId(), id -> id),
                            event.sequence(),
                            rebuilt,
                            Arrays.equals(rebuilt, event.leafHash()) ? rebuilt : event.leafHash(),
                            event.previousLeafHash()));
        } else if (Arrays.equals(existing.rebuilt(), rebuilt)) {
            duplicates++;
        } else {
            String first = topic + " partition " + existing.partition() + " offset " + existing.offset();
            report.failure(
                    event.describe(),
                    "log index " + event.logIndex() + " is also at " + first + " with another leaf (hash "
                            + Report.base64(existing.rebuilt()) + ", here " + Report.base64(rebuilt)
                            + "): a re-publication must be identical"
                            + (checks.signedByTheLedger(event, rebuilt)
                                    ? ""
                                    : "; this one is not signed by the ledger"));
        }
    }

    /** The second pass, when the latest root does not match: every covered leaf's signature, to name the forged. */
    private void locate(long covered) throws UsageError {
        long failedBefore = checks.signaturesFailed();
        reader.read(topic, record -> {
            LedgerEvent event = quietEvent(record);
            if (event != null && event.logIndex() < covered) {
                try {
                    checks.signature(event, event.leaf().hash());
                } catch (IllegalArgumentException e) {
                    // reported in the first pass
                }
            }
        });
        if (checks.signaturesFailed() == failedBefore) {
            report.note("every record the checkpoint covers carries the ledger's signature: what differs is which"
                    + " events the topic holds (see above)");
        }
    }

    private @Nullable LedgerEvent event(TopicRecord record) {
        try {
            return eventOf(record);
        } catch (IllegalArgumentException e) {
            report.failure(record.where(), e.getMessage());
            return null;
        }
    }

    private static @Nullable LedgerEvent quietEvent(TopicRecord record) {
        try {
            return eventOf(record);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The event a record carries: CloudEvents binary mode, the payload as the value, the log's headers. */
    private static LedgerEvent eventOf(TopicRecord record) {
        Map<String, String> headers = record.headers();
        List<String> missing = new ArrayList<>();
        for (String name : List.of(
                CloudEventHeaders.ID,
                CloudEventHeaders.TYPE,
                CloudEventHeaders.SUBJECT,
                CloudEventHeaders.TIME,
                CloudEventHeaders.COMMITMENT_SEQUENCE,
                CloudEventHeaders.LOG_INDEX,
                CloudEventHeaders.LEAF_HASH,
                CloudEventHeaders.PREVIOUS_LEAF_HASH,
                CloudEventHeaders.LEDGER_SIGNATURE)) {
            if (!headers.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the record has no header " + String.join(", ", missing));
        }
        String subject = headers.get(CloudEventHeaders.SUBJECT);
        if (!subject.equals(record.key())) {
            throw new IllegalArgumentException(
                    "the record's key " + record.key() + " is not its " + CloudEventHeaders.SUBJECT + " " + subject);
        }
        return new LedgerEvent(
                record.where(),
                number(headers, CloudEventHeaders.LOG_INDEX),
                subject,
                number(headers, CloudEventHeaders.COMMITMENT_SEQUENCE),
                headers.get(CloudEventHeaders.ID),
                headers.get(CloudEventHeaders.TYPE),
                headers.get(CloudEventHeaders.TIME),
                record.value(),
                hash(headers, CloudEventHeaders.LEAF_HASH),
                hash(headers, CloudEventHeaders.PREVIOUS_LEAF_HASH),
                headers.get(CloudEventHeaders.LEDGER_SIGNATURE));
    }

    private static long number(Map<String, String> headers, String name) {
        return Fields.number(name, headers.get(name));
    }

    private static byte[] hash(Map<String, String> headers, String name) {
        return Fields.hash(name, headers.get(name));
    }

    private static String found(FoundCheckpoint found) {
        Checkpoint checkpoint = found.checkpoint();
        return found.where() + ": log " + checkpoint.origin() + ", " + checkpoint.size() + " leaves, root "
                + Report.base64(checkpoint.rootHash()) + ", signed by " + found.signers();
    }
}
