package io.commitmentsledger.ledger.log;

import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.MerkleTree;
import io.commitmentsledger.contracts.log.VerificationFailure;
import io.commitmentsledger.ledger.log.LogEntries.Entry;
import io.commitmentsledger.ledger.log.LogEntries.StoredEvent;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Checks one commitment's history against the log as an auditor would, from the stored rows and the verifier keys:
 * every event has its log entry and every entry its event; sequences run from 0 without gaps; each event, rebuilt
 * into its {@link LogLeaf} from the stored row, hashes to the entry's leaf hash; each entry chains to the previous
 * one's leaf hash and carries a valid leaf signature; the newest checkpoint is validly signed, its root is the root
 * of the stored tree, and every entry it covers is proven included in it; and no entry the checkpoint covers after the
 * commitment's newest one was deleted (which would hide a truncated history). Reports the first break and why;
 * tampered data is a finding, never a failure.
 */
@Component
public class CommitmentVerification {

    /**
     * How long an event may be in the event store without a log entry before it counts as slipped in behind the
     * ledger's back: the Kafka publisher logs it within moments, but a transaction that committed late may wait for
     * the event store's gap timeout (60 s by default).
     */
    static final Duration LOGGING_GRACE = Duration.ofMinutes(2);

    /** The outcome, for a commitment that has events or log entries. */
    public record Verification(
            String commitmentId,
            boolean verified,
            int events,
            int checkpointedEvents,
            @Nullable Long treeSize,
            @Nullable Long firstBrokenSequence,
            @Nullable String reason,
            @Nullable String newestCheckpointedEventId) {}

    private final LogEntries entries;
    private final Checkpoints checkpoints;
    private final LogTree tree;
    private final LogKeys keys;
    private final Clock clock;

    CommitmentVerification(LogEntries entries, Checkpoints checkpoints, LogTree tree, LogKeys keys, Clock clock) {
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.tree = tree;
        this.keys = keys;
        this.clock = clock;
    }

    /** The commitment's verification; empty if neither the event store nor the log knows it. */
    public Optional<Verification> verify(String commitmentId) {
        List<StoredEvent> stored = entries.storedEventsOf(commitmentId);
        List<Entry> logged = entries.entriesOf(commitmentId);
        if (stored.isEmpty() && logged.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Check(commitmentId, stored, logged, signedTree()).run());
    }

    /** The newest checkpoint as checked: its verified size and root, or why it does not verify (none: both null). */
    private record SignedTree(
            @Nullable Checkpoint checkpoint,
            @Nullable String broken,
            @Nullable Long storedSize) {}

    private SignedTree signedTree() {
        Optional<Checkpoints.Stored> newest = checkpoints.newest();
        if (newest.isEmpty()) {
            return new SignedTree(null, null, null);
        }
        long storedSize = newest.get().treeSize();
        String which = "the newest checkpoint (stored for tree size " + storedSize + ")";
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.open(newest.get().note(), keys.origin(), keys.verifiers());
        } catch (VerificationFailure e) {
            return new SignedTree(
                    null, which + " does not verify with the ledger's verifier keys: " + e.getMessage(), storedSize);
        }
        if (checkpoint.size() != storedSize) {
            return new SignedTree(
                    null,
                    which + " holds a note signed for tree size " + checkpoint.size() + ": the note was moved",
                    storedSize);
        }
        if (!MessageDigest.isEqual(checkpoint.rootHash(), newest.get().rootHash())) {
            return new SignedTree(null, which + " stores a root hash other than the one its note signs", storedSize);
        }
        try {
            long logSize = tree.size();
            if (logSize < checkpoint.size()) {
                return new SignedTree(
                        null,
                        which + " covers " + checkpoint.size() + " log entries, but the log holds only " + logSize
                                + ": entries at the end of the log were deleted",
                        storedSize);
            }
            if (!MessageDigest.isEqual(tree.root(checkpoint.size()), checkpoint.rootHash())) {
                return new SignedTree(
                        null,
                        "the log's stored tree no longer has the root that " + which
                                + " signs: its stored hashes were changed",
                        storedSize);
            }
        } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            return new SignedTree(
                    null, "the log's tree cannot be rebuilt for " + which + ": " + e.getMessage(), storedSize);
        }
        return new SignedTree(checkpoint, null, storedSize);
    }

    /** One verification: walks the commitment's sequences once, stopping at the first break. */
    private final class Check {

        private final String commitmentId;
        private final List<StoredEvent> stored;
        private final SignedTree signed;
        private final TreeMap<Long, StoredEvent> storedBySequence = new TreeMap<>();
        private final TreeMap<Long, Entry> loggedBySequence = new TreeMap<>();
        private final Map<String, Entry> loggedByEvent = new HashMap<>();

        private int checkpointed;
        private @Nullable String newestCheckpointed;

        Check(String commitmentId, List<StoredEvent> stored, List<Entry> logged, SignedTree signed) {
            this.commitmentId = commitmentId;
            this.stored = stored;
            this.signed = signed;
            stored.forEach(event -> storedBySequence.put(event.sequence(), event));
            logged.forEach(entry -> {
                loggedBySequence.put(entry.sequence(), entry);
                loggedByEvent.put(entry.eventId(), entry);
            });
        }

        Verification run() {
            long last = Math.max(
                    storedBySequence.isEmpty() ? -1 : storedBySequence.lastKey(),
                    loggedBySequence.isEmpty() ? -1 : loggedBySequence.lastKey());
            byte[] previousLeafHash = LogLeaf.NO_PREVIOUS_LEAF;
            for (long sequence = 0; sequence <= last; sequence++) {
                StoredEvent event = storedBySequence.get(sequence);
                Entry entry = event == null ? loggedBySequence.get(sequence) : loggedByEvent.get(event.eventId());
                String broken;
                try {
                    if (event == null) {
                        broken = missingEvent(sequence, entry);
                    } else if (entry == null) {
                        if (awaitsLogging(event, sequence)) {
                            // Not yet logged, like every event after it: nothing more to check.
                            break;
                        }
                        broken = unlogged(event, sequence);
                    } else {
                        broken = mismatch(event, entry, sequence, previousLeafHash);
                    }
                } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
                    throw e;
                } catch (RuntimeException e) {
                    broken = "the stored event or log entry cannot be checked: " + e.getMessage();
                }
                if (broken != null) {
                    return broken(sequence, broken);
                }
                previousLeafHash = entry.leafHash();
            }
            if (signed.broken() != null) {
                return verification(false, null, signed.broken());
            }
            String truncated = truncation();
            if (truncated != null) {
                return broken(loggedBySequence.lastKey() + 1, truncated);
            }
            return verification(true, null, null);
        }

        private String missingEvent(long sequence, @Nullable Entry entry) {
            if (entry == null) {
                return "sequence " + sequence + " is in neither the event store nor the log: the history has a gap";
            }
            StoredEvent elsewhere = entry.event();
            if (elsewhere != null) {
                return "event " + entry.eventId() + ", logged as sequence " + sequence + " (log index "
                        + entry.logIndex() + "), is stored as sequence " + elsewhere.sequence() + " of "
                        + elsewhere.commitmentId() + ": the events were reordered";
            }
            return "event " + entry.eventId() + ", logged as sequence " + sequence + " (log index " + entry.logIndex()
                    + "), is missing from the event store: it was deleted";
        }

        /** An event the log's writer has not reached yet: newer than the log's newest, or recorded moments ago. */
        private boolean awaitsLogging(StoredEvent event, long sequence) {
            if (loggedBySequence.ceilingKey(sequence) != null) {
                return false;
            }
            Optional<Long> newestLogged = entries.newestLoggedGlobalIndex();
            if (newestLogged.isEmpty() || event.globalIndex() > newestLogged.get()) {
                return true;
            }
            try {
                return Instant.parse(event.recordedAt()).isAfter(clock.instant().minus(LOGGING_GRACE));
            } catch (DateTimeException e) {
                return false;
            }
        }

        private String unlogged(StoredEvent event, long sequence) {
            if (event.logIndex() != null) {
                return "event " + event.eventId() + ", stored as sequence " + sequence + ", is logged at index "
                        + event.logIndex() + " for another commitment or sequence: it was moved";
            }
            if (loggedBySequence.ceilingKey(sequence) != null) {
                return "event " + event.eventId() + " at sequence " + sequence + " is not in the log, though later"
                        + " events of the commitment are: it was inserted behind the ledger's back";
            }
            return "event " + event.eventId() + " at sequence " + sequence + " is not in the log, though the log has"
                    + " moved past it: it was inserted behind the ledger's back";
        }

        private @Nullable String mismatch(StoredEvent event, Entry entry, long sequence, byte[] previousLeafHash) {
            if (entry.sequence() != sequence) {
                return "event " + event.eventId() + " is stored as sequence " + sequence + " but logged as sequence "
                        + entry.sequence() + " (log index " + entry.logIndex() + "): the events were reordered";
            }
            if (!MessageDigest.isEqual(entry.previousLeafHash(), previousLeafHash)) {
                return "the log entry of sequence " + sequence + " (log index " + entry.logIndex() + ") does not"
                        + " chain to the leaf hash of sequence " + (sequence - 1) + ": the chain is broken";
            }
            if (!MessageDigest.isEqual(event.logged(entry).leaf().hash(), entry.leafHash())) {
                return "event " + event.eventId() + " at sequence " + sequence + " no longer hashes to the leaf hash"
                        + " logged at index " + entry.logIndex() + ": its stored content (payload, time, type,"
                        + " revision or ids) was changed after it was logged";
            }
            try {
                LeafSignature.verify(entry.leafHash(), entry.leafSignature(), keys.verifiers());
            } catch (VerificationFailure e) {
                return "the leaf signature of sequence " + sequence + " (log index " + entry.logIndex()
                        + ") does not verify with the ledger's verifier keys: " + e.getMessage();
            }
            Checkpoint checkpoint = signed.checkpoint();
            if (checkpoint != null && entry.logIndex() < checkpoint.size()) {
                try {
                    MerkleTree.verifyInclusion(
                            entry.logIndex(),
                            checkpoint.size(),
                            entry.leafHash(),
                            tree.inclusionProof(entry.logIndex(), checkpoint.size()),
                            checkpoint.rootHash());
                } catch (VerificationFailure e) {
                    return "sequence " + sequence + " (log index " + entry.logIndex() + ") is not included in the"
                            + " signed checkpoint of tree size " + checkpoint.size() + ": " + e.getMessage();
                }
                checkpointed++;
                newestCheckpointed = event.eventId();
            }
            return null;
        }

        /**
         * Deleting a commitment's newest events with their log entries leaves a consistent chain; what gives it away
         * is the hole it leaves in the log, after the commitment's newest entry, which the signed checkpoint covers.
         */
        private @Nullable String truncation() {
            Checkpoint checkpoint = signed.checkpoint();
            if (checkpoint == null || loggedBySequence.isEmpty()) {
                return null;
            }
            long newest = loggedBySequence.values().stream()
                    .mapToLong(Entry::logIndex)
                    .max()
                    .getAsLong();
            return entries.firstMissingAfter(newest, checkpoint.size())
                    .map(missing -> "the log has no entry at index " + missing + ", which the signed checkpoint of tree"
                            + " size " + checkpoint.size() + " covers, after this commitment's newest entry (index "
                            + newest + "): log entries were deleted, and this commitment's history may have been cut"
                            + " off from sequence " + (loggedBySequence.lastKey() + 1))
                    .orElse(null);
        }

        private Verification broken(long sequence, String reason) {
            return verification(false, sequence, reason);
        }

        private Verification verification(boolean verified, @Nullable Long brokenSequence, @Nullable String reason) {
            Checkpoint checkpoint = signed.checkpoint();
            return new Verification(
                    commitmentId,
                    verified,
                    stored.size(),
                    checkpointed,
                    checkpoint != null ? Long.valueOf(checkpoint.size()) : signed.storedSize(),
                    brokenSequence,
                    reason,
                    newestCheckpointed);
        }
    }
}
