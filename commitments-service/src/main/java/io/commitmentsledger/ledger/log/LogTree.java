package io.commitmentsledger.ledger.log;

import io.commitmentsledger.contracts.log.MerkleTree;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RFC 9162 Merkle tree over the log's leaves, as {@code log_subtree} stores it: its size, the root of any size up
 * to it, and inclusion and consistency proofs. Each answer costs one query for the size and one for the subtrees it
 * needs ({@link SubtreeStore}).
 */
@Component
public class LogTree {

    private final JdbcClient jdbc;
    private final SubtreeStore subtrees;

    LogTree(JdbcClient jdbc, SubtreeStore subtrees) {
        this.jdbc = jdbc;
        this.subtrees = subtrees;
    }

    /** How many leaves the log holds. */
    public long size() {
        return jdbc.sql("SELECT coalesce(max(log_index) + 1, 0) FROM log_entry")
                .query(Long.class)
                .single();
    }

    /** The root hash of the log's first {@code size} leaves. */
    public byte[] root(long size) {
        requireWithinLog(size);
        return subtrees.compute(source -> MerkleTree.root(size, source));
    }

    /** The inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves. */
    public List<byte[]> inclusionProof(long index, long size) {
        requireWithinLog(size);
        return subtrees.compute(source -> MerkleTree.inclusionProof(index, size, source));
    }

    /** The consistency proof from the tree of {@code size1} leaves to the tree of {@code size2}. */
    public List<byte[]> consistencyProof(long size1, long size2) {
        requireWithinLog(size2);
        return subtrees.compute(source -> MerkleTree.consistencyProof(size1, size2, source));
    }

    private void requireWithinLog(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is never negative: " + size);
        }
        long logSize = size();
        if (size > logSize) {
            throw new IllegalArgumentException("the log holds " + logSize + " leaves, not " + size);
        }
    }
}
