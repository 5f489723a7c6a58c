package io.commitmentsledger.contracts.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing Merkle tree: the complete subtrees that make up leaves {@code [0, size)}, one per bit
 * set in {@code size}, largest first. Enough to append leaves and compute the root in memory that grows with the log
 * of the size, which is how the ledger extends its tree and how a verifier rebuilds a root from a stream of leaves.
 */
public final class CompactRange {

    /** Told of every complete subtree an append completes, the new leaf included. */
    @FunctionalInterface
    public interface CompletedSubtrees {
        void completed(int level, long index, byte[] hash);
    }

    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    private long size;

    public CompactRange() {}

    /** The right edge of the tree of {@code size} leaves whose complete subtrees the source holds. */
    public static CompactRange of(long size, SubtreeSource tree) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is never negative: " + size);
        }
        CompactRange range = new CompactRange();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                range.hashes.add(tree.subtree(level, start >>> level));
                range.levels.add(level);
                start += width;
            }
        }
        range.size = size;
        return range;
    }

    public long size() {
        return size;
    }

    /** Appends one leaf hash. */
    public void append(byte[] leafHash) {
        append(leafHash, (level, index, hash) -> {});
    }

    /** Appends one leaf hash and tells {@code completed} of the leaf and every subtree it completes. */
    public void append(byte[] leafHash, CompletedSubtrees completed) {
        if (leafHash.length != MerkleHashes.SIZE) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes, not " + leafHash.length);
        }
        completed.completed(0, size, leafHash);
        size++;
        byte[] hash = leafHash;
        int level = 0;
        while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
            byte[] left = hashes.remove(hashes.size() - 1);
            levels.remove(levels.size() - 1);
            hash = MerkleHashes.nodeHash(left, hash);
            level++;
            completed.completed(level, (size >>> level) - 1, hash);
        }
        hashes.add(hash);
        levels.add(level);
    }

    /** The RFC 9162 root hash of the leaves appended so far. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHashes.nodeHash(hashes.get(i), root);
        }
        return root;
    }
}
