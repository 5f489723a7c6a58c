package io.commitmentsledger.ledger.log.web;

import static io.commitmentsledger.ledger.log.web.LogRequests.EVENT_ID_MAX_LENGTH;

import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.NoteVerifier;
import io.commitmentsledger.contracts.log.SignedNote;
import io.commitmentsledger.contracts.log.TlogProof;
import io.commitmentsledger.ledger.log.Checkpoints;
import io.commitmentsledger.ledger.log.LogEntries;
import io.commitmentsledger.ledger.log.LogEntries.Entry;
import io.commitmentsledger.ledger.log.LogKeys;
import io.commitmentsledger.ledger.log.LogProperties;
import io.commitmentsledger.ledger.log.LogTree;
import io.commitmentsledger.ledger.web.InvalidRequest;
import io.commitmentsledger.ledger.web.InvalidRequest.FieldProblem;
import io.commitmentsledger.ledger.web.RequestFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log as an auditor checks it with the verifier keys alone: the signed checkpoints (C2SP tlog-checkpoint notes,
 * byte for byte), proofs that an entry is in a checkpointed tree and that a later tree extends an earlier one, and
 * self-contained C2SP tlog-proofs of single events to keep and check offline.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Verifiable log", description = "Signed checkpoints, proofs and verifier keys, for auditors")
class LogController {

    static final String TEXT = "text/plain;charset=UTF-8";

    /** A proof has at most one hash per level of a tree of at most 2^63 leaves. */
    static final int MAX_PROOF_HASHES = 64;

    /** A base64 SHA-256 hash: 32 bytes. */
    static final int HASH_LENGTH = 44;

    @Schema(name = "InclusionProof", description = "RFC 9162 inclusion proof of one log entry in the tree of treeSize")
    record InclusionProof(
            @Schema(minimum = "0", maximum = LARGEST) long logIndex,

            @Schema(description = "The logged event's id", maxLength = EVENT_ID_MAX_LENGTH)
            String eventId,

            @Schema(minimum = "1", maximum = LARGEST) long treeSize,

            @Schema(description = "RFC 9162 leaf hash of the entry, base64", maxLength = HASH_LENGTH)
            String leafHash,

            @ArraySchema(
                    arraySchema = @Schema(description = "Sibling hashes from the leaf up, base64"),
                    maxItems = MAX_PROOF_HASHES,
                    schema = @Schema(maxLength = HASH_LENGTH))
            List<String> proof,

            @Schema(
                    description = "The signed checkpoint of exactly treeSize, if one was signed at that size",
                    maxLength = SignedNote.MAX_LENGTH)
            @Nullable
            String checkpoint) {}

    @Schema(
            name = "ConsistencyProof",
            description = "RFC 9162 proof that the tree of to leaves extends the tree of from")
    record ConsistencyProof(
            @Schema(minimum = "0", maximum = LARGEST) long from,
            @Schema(minimum = "0", maximum = LARGEST) long to,

            @ArraySchema(
                    arraySchema = @Schema(description = "The proof's hashes, base64"),
                    maxItems = MAX_PROOF_HASHES,
                    schema = @Schema(maxLength = HASH_LENGTH))
            List<String> proof) {}

    /** The largest position or size: a Java long. */
    private static final String LARGEST = "9223372036854775807";

    private final Checkpoints checkpoints;
    private final LogKeys keys;
    private final LogTree tree;
    private final LogEntries entries;
    private final LogProperties properties;
    private final Clock clock;

    LogController(
            Checkpoints checkpoints,
            LogKeys keys,
            LogTree tree,
            LogEntries entries,
            LogProperties properties,
            Clock clock) {
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.tree = tree;
        this.entries = entries;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(path = "/log/checkpoint", produces = TEXT)
    @Operation(summary = "The newest signed checkpoint of the log, as a C2SP tlog-checkpoint note")
    String checkpoint() {
        return checkpoints
                .latest()
                .orElseThrow(
                        () -> new LogProblem(
                                LogProblems.CHECKPOINT_NOT_FOUND,
                                "no checkpoint has been signed yet: the log is empty or its first checkpoint is not yet signed"));
    }

    @GetMapping(path = "/log/checkpoints/{treeSize}", produces = TEXT)
    @Operation(summary = "The checkpoint signed when the log had exactly this many entries")
    String checkpointAt(@PathVariable String treeSize) {
        long size = LogRequests.number("treeSize", treeSize, 1);
        return checkpoints
                .at(size)
                .orElseThrow(() -> new LogProblem(
                        LogProblems.CHECKPOINT_NOT_FOUND, "no checkpoint was signed at tree size " + size));
    }

    @GetMapping(path = "/log/verifier-keys", produces = TEXT)
    @Operation(summary = "The keys that verify the log's signatures, one per line: the current key first")
    String verifierKeys() {
        StringBuilder lines = new StringBuilder();
        for (NoteVerifier verifier : keys.verifiers()) {
            lines.append(verifier.verifierKey()).append('\n');
        }
        return lines.toString();
    }

    @GetMapping(path = "/log/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Proof that a log entry, by log index or event id, is in the tree of a checkpointed size")
    InclusionProof inclusion(
            @RequestParam(required = false) @Nullable String logIndex,
            @RequestParam(required = false) @Nullable String eventId,
            @RequestParam(required = false) @Nullable String treeSize) {
        RequestFields fields = new RequestFields(clock);
        Long index = LogRequests.number(fields, "logIndex", logIndex, 0, false);
        Long size = LogRequests.number(fields, "treeSize", treeSize, 1, false);
        if ((logIndex == null) == (eventId == null)) {
            fields.problem("logIndex", "give either logIndex or eventId");
        }
        if (eventId != null && (eventId.isEmpty() || eventId.length() > EVENT_ID_MAX_LENGTH)) {
            fields.problem("eventId", "must have 1 to " + EVENT_ID_MAX_LENGTH + " characters");
        }
        fields.throwIfInvalid();
        Entry entry = index != null ? entryAt(index) : entryOf(eventId);
        long logSize = tree.size();
        if (size == null) {
            size = checkpointedSizeCovering(entry.logIndex(), "an inclusion proof");
        } else if (size > logSize) {
            invalid("treeSize", "must not exceed the log's size, " + logSize);
        } else if (entry.logIndex() >= size) {
            invalid("treeSize", "must be greater than the log index " + entry.logIndex() + " to cover it");
        }
        return new InclusionProof(
                entry.logIndex(),
                entry.eventId(),
                size,
                base64(entry.leafHash()),
                base64(tree.inclusionProof(entry.logIndex(), size)),
                checkpoints.at(size).orElse(null));
    }

    @GetMapping(path = "/log/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Proof that the log's tree of to entries extends its tree of from entries")
    ConsistencyProof consistency(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        RequestFields fields = new RequestFields(clock);
        Long first = LogRequests.number(fields, "from", from, 0, true);
        Long second = LogRequests.number(fields, "to", to, 0, true);
        fields.throwIfInvalid();
        long logSize = tree.size();
        if (second > logSize) {
            invalid("to", "must not exceed the log's size, " + logSize);
        }
        if (first > second) {
            invalid("from", "must not exceed to");
        }
        return new ConsistencyProof(first, second, base64(tree.consistencyProof(first, second)));
    }

    @GetMapping(path = "/log/entries/{logIndex}/tlog-proof", produces = TEXT)
    @Operation(summary = "A self-contained C2SP tlog-proof of the log entry: its event, inclusion proof and checkpoint")
    String tlogProofAt(@PathVariable String logIndex) {
        return tlogProof(entryAt(LogRequests.number("logIndex", logIndex, 0)));
    }

    @GetMapping(path = "/events/{eventId}/tlog-proof", produces = TEXT)
    @Operation(summary = "A self-contained C2SP tlog-proof of the event: the event, inclusion proof and checkpoint")
    String tlogProofOf(@PathVariable String eventId) {
        if (eventId.length() > EVENT_ID_MAX_LENGTH) {
            invalid("eventId", "must have at most " + EVENT_ID_MAX_LENGTH + " characters");
        }
        return tlogProof(entryOf(eventId));
    }

    /** The proof against the newest checkpoint, with the event rebuilt into its leaf from the event store. */
    private String tlogProof(Entry entry) {
        long size = checkpointedSizeCovering(entry.logIndex(), "a tlog-proof");
        LogEntries.StoredEvent event = entry.event();
        String verification = "; GET /api/v1/commitments/" + entry.commitmentId() + "/verification says more";
        if (event == null) {
            throw new LogProblem(
                    LogProblems.EVENT_DOES_NOT_MATCH_LOG,
                    "the event logged at index " + entry.logIndex() + " is missing from the event store"
                            + verification);
        }
        LogLeaf leaf = event.logged(entry).leaf();
        if (!MessageDigest.isEqual(leaf.hash(), entry.leafHash())) {
            throw new LogProblem(
                    LogProblems.EVENT_DOES_NOT_MATCH_LOG,
                    "the event logged at index " + entry.logIndex() + " no longer hashes to its logged leaf hash"
                            + verification);
        }
        String checkpoint = checkpoints
                .at(size)
                .orElseThrow(() -> new IllegalStateException("the checkpoint of size " + size + " vanished"));
        return new TlogProof(leaf, tree.inclusionProof(entry.logIndex(), size), checkpoint).format();
    }

    private Entry entryAt(long logIndex) {
        return entries.at(logIndex)
                .orElseThrow(() -> new LogProblem(
                        LogProblems.LOG_ENTRY_NOT_FOUND,
                        "the log has no entry at index " + logIndex + " (it holds " + tree.size() + ")"));
    }

    private Entry entryOf(@Nullable String eventId) {
        String id = java.util.Objects.requireNonNull(eventId);
        return entries.ofEvent(id).orElseThrow(() -> {
            if (entries.storedEvent(id).isPresent()) {
                return notYet("event " + id + " is recorded but not yet logged");
            }
            return new LogProblem(LogProblems.LOG_ENTRY_NOT_FOUND, "no event " + id + " is in the log");
        });
    }

    /** The newest checkpoint's size, if it covers the entry; else 409 with when to ask again. */
    private long checkpointedSizeCovering(long logIndex, String what) {
        long size = entries.newestCheckpointSize().orElse(0L);
        if (logIndex >= size) {
            throw notYet("log index " + logIndex + " is not yet covered by a signed checkpoint (the newest covers "
                    + size + " entries), so " + what + " cannot be given yet");
        }
        return size;
    }

    /** Checkpoints are signed every checkpoint interval: one interval and a second more should be enough. */
    private LogProblem notYet(String detail) {
        long seconds = (properties.checkpointInterval().toMillis() + 999) / 1000 + 1;
        return new LogProblem(LogProblems.NOT_YET_CHECKPOINTED, detail + "; retry in " + seconds + " s", seconds);
    }

    private static void invalid(String field, String message) {
        throw new InvalidRequest(List.of(new FieldProblem(field, message)));
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(LogController::base64).toList();
    }
}
