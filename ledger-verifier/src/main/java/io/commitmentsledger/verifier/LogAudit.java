package io.commitmentsledger.verifier;

import io.commitmentsledger.contracts.log.Checkpoint;
import io.commitmentsledger.contracts.log.CompactRange;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.MerkleHashes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks that need the events in log order: log indexes from 0 without gaps, each commitment's chain (sequences
 * 0, 1, 2, ... each naming the previous event's leaf hash), and the Merkle tree of the leaves. Memory grows with the
 * number of commitments (the last sequence and leaf hash of each), never with the number of events: the tree is a
 * {@link CompactRange}, and the root at each size a checkpoint names is kept as the tree passes it.
 */
final class LogAudit {

    /** One leaf in log order: its hash as rebuilt from its fields, and what the ledger says of it. */
    record Leaf(
            String where,
            long logIndex,
            String commitmentId,
            long sequence,
            byte[] rebuiltLeafHash,
            byte[] statedLeafHash,
            byte[] previousLeafHash) {}

    /** How a checkpoint's root compares with the tree of the leaves read. */
    enum RootCheck {
        MATCHES,
        DIFFERS,
        /** Fewer leaves were read than the checkpoint covers. */
        TOO_FEW_LEAVES,
        /** The leaves read do not start at log index 0, so no root can be computed. */
        NOT_FROM_ZERO
    }

    private record ChainEnd(long sequence, byte[] leafHash, long logIndex) {}

    private final Report report;
    private final Set<Long> checkpointSizes;
    private final Map<String, ChainEnd> chains = new HashMap<>();
    private final Map<Long, byte[]> rootsAtCheckpointSizes = new HashMap<>();
    private final CompactRange tree = new CompactRange();
    private long firstIndex = -1;
    private long nextIndex;
    private boolean lostTrack;

    /** {@code checkpointSizes}: the tree sizes whose roots will be asked for. */
    LogAudit(Report report, Set<Long> checkpointSizes) {
        this.report = report;
        this.checkpointSizes = Set.copyOf(checkpointSizes);
    }

    /** The next leaf in log order. */
    void leaf(Leaf leaf) {
        checkIndex(leaf);
        checkChain(leaf);
        tree.append(leaf.rebuiltLeafHash());
        if (checkpointSizes.contains(tree.size())) {
            rootsAtCheckpointSizes.put(tree.size(), tree.root());
        }
    }

    /** An event that could not be read took a place in the log: the next log index is not known. */
    void unreadable() {
        lostTrack = true;
    }

    /** Whether the first leaf read has log index 0 (always true before any leaf is read). */
    boolean startsAtZero() {
        return firstIndex <= 0;
    }

    long firstIndex() {
        return firstIndex;
    }

    long lastIndex() {
        return nextIndex - 1;
    }

    long leaves() {
        return tree.size();
    }

    int commitments() {
        return chains.size();
    }

    byte[] root() {
        return tree.root();
    }

    /** Compares {@code checkpoint}'s root with that of the first leaves read, as many as it covers. */
    RootCheck check(Checkpoint checkpoint) {
        if (!startsAtZero()) {
            return RootCheck.NOT_FROM_ZERO;
        }
        byte[] root = rootOfFirst(checkpoint.size());
        if (root == null) {
            return RootCheck.TOO_FEW_LEAVES;
        }
        return Arrays.equals(root, checkpoint.rootHash()) ? RootCheck.MATCHES : RootCheck.DIFFERS;
    }

    /**
     * Checks {@code checkpoint}'s root against the leaves read and reports what does not match; {@code where} names the
     * checkpoint, {@code source} what the leaves were read from ("the export"), {@code meaning} what a different root
     * would mean.
     */
    RootCheck checkAndReport(String where, Checkpoint checkpoint, String source, String meaning) {
        RootCheck check = check(checkpoint);
        switch (check) {
            case MATCHES -> {}
            case DIFFERS ->
                report.failure(
                        where,
                        "root: it covers " + checkpoint.size() + " leaves with root "
                                + Report.base64(checkpoint.rootHash())
                                + ", but the first " + checkpoint.size() + " leaves of " + source + " have root "
                                + Report.base64(rootOfFirst(checkpoint.size())) + ": " + meaning);
            case TOO_FEW_LEAVES ->
                report.failure(
                        where,
                        "root: it covers " + checkpoint.size() + " leaves, but " + source + " holds only " + leaves()
                                + (leaves() == 0 ? "" : " (its last log index is " + lastIndex() + ")")
                                + ": it is cut short, or older than the checkpoint");
            case NOT_FROM_ZERO ->
                report.note(
                        where + ": root not checked: " + source + " starts at log index " + firstIndex() + ", not 0");
        }
        return check;
    }

    /** The root of the first {@code size} leaves read; null if fewer were read or the size was not asked for. */
    byte @Nullable [] rootOfFirst(long size) {
        return size == 0 ? MerkleHashes.emptyRoot() : rootsAtCheckpointSizes.get(size);
    }

    private void checkIndex(Leaf leaf) {
        long index = leaf.logIndex();
        if (firstIndex < 0) {
            firstIndex = index;
            if (index != 0) {
                report.note(leaf.where() + ": the first event has log index " + index + ", not 0: the leaves before"
                        + " it are not here, so no root can be checked; every other check is made");
            }
        } else if (index != nextIndex && !lostTrack) {
            if (index > nextIndex) {
                report.failure(
                        leaf.where(),
                        "log index " + index + " follows " + (nextIndex - 1) + ": expected " + nextIndex
                                + (index == nextIndex + 1
                                        ? "; log index " + nextIndex + " is missing"
                                        : "; log indexes " + nextIndex + " to " + (index - 1) + " are missing"));
            } else {
                report.failure(
                        leaf.where(),
                        "log index " + index + " follows " + (nextIndex - 1) + ": expected " + nextIndex
                                + "; log index " + index + " comes again or out of order");
            }
        }
        lostTrack = false;
        // An index that comes again or too early does not move the expectation back: what follows it is judged
        // against the highest index so far.
        nextIndex = Math.max(nextIndex, index + 1);
    }

    private void checkChain(Leaf leaf) {
        ChainEnd end = chains.get(leaf.commitmentId());
        String commitment = "commitment " + leaf.commitmentId();
        if (end == null) {
            if (leaf.sequence() == 0) {
                if (!Arrays.equals(leaf.previousLeafHash(), LogLeaf.NO_PREVIOUS_LEAF)) {
                    report.failure(
                            leaf.where(),
                            "chain: the previousleafhash of a commitment's first event is 32 zero bytes ("
                                    + Report.base64(LogLeaf.NO_PREVIOUS_LEAF) + "), found "
                                    + Report.base64(leaf.previousLeafHash()));
                }
            } else if (startsAtZero()) {
                report.failure(
                        leaf.where(),
                        "chain: " + commitment + " starts at sequence " + leaf.sequence() + ", expected 0");
            }
        } else if (leaf.sequence() != end.sequence() + 1) {
            report.failure(
                    leaf.where(),
                    "chain: " + commitment + " has sequence " + leaf.sequence() + " after sequence " + end.sequence()
                            + " (log index " + end.logIndex() + "): expected sequence " + (end.sequence() + 1));
        } else if (!Arrays.equals(leaf.previousLeafHash(), end.leafHash())) {
            report.failure(
                    leaf.where(),
                    "chain: previousleafhash is " + Report.base64(leaf.previousLeafHash()) + ", expected "
                            + Report.base64(end.leafHash()) + ", the leafhash of the commitment's sequence "
                            + end.sequence() + " (log index " + end.logIndex() + ")");
        }
        chains.put(leaf.commitmentId(), new ChainEnd(leaf.sequence(), leaf.statedLeafHash(), leaf.logIndex()));
    }
}
