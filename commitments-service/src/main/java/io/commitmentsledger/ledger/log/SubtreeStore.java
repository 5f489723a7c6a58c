package io.commitmentsledger.ledger.log;

import io.commitmentsledger.contracts.log.MerkleHashes;
import io.commitmentsledger.contracts.log.SubtreeSource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The table {@code log_subtree}: the hash of every complete subtree of the log's Merkle tree. A root or proof needs
 * O(log n) of them, fetched in one query: the computation runs once over a source that only notes which subtrees it
 * asks for, then again over those subtrees as fetched.
 */
@Component
class SubtreeStore {

    /** One complete subtree: {@code 2^level} leaves from {@code position * 2^level}. */
    record Node(int level, long position) {}

    /** A subtree and its hash, to store. */
    record Subtree(int level, long position, byte[] hash) {}

    private static final byte[] PLACEHOLDER = new byte[MerkleHashes.SIZE];

    private final JdbcClient jdbc;

    SubtreeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code computation} over the stored subtrees with one query. The computation must ask for the same subtrees
     * whatever their hashes are, as every root, proof and compact range does.
     */
    <T> T compute(Function<SubtreeSource, T> computation) {
        Set<Node> needed = new LinkedHashSet<>();
        computation.apply((level, position) -> {
            needed.add(new Node(level, position));
            return PLACEHOLDER;
        });
        Map<Node, byte[]> hashes = fetch(needed);
        return computation.apply((level, position) -> {
            byte[] hash = hashes.get(new Node(level, position));
            if (hash == null) {
                throw new LogDamaged("the log's subtree at level " + level + ", position " + position
                        + " is not stored: the tree is incomplete");
            }
            return hash;
        });
    }

    private Map<Node, byte[]> fetch(Set<Node> nodes) {
        if (nodes.isEmpty()) {
            return Map.of();
        }
        Integer[] levels = nodes.stream().map(Node::level).toArray(Integer[]::new);
        Long[] positions = nodes.stream().map(Node::position).toArray(Long[]::new);
        Map<Node, byte[]> hashes = new HashMap<>();
        jdbc.sql("""
                        SELECT s.level, s.position, s.hash FROM log_subtree s
                        JOIN unnest(?::smallint[], ?::bigint[]) AS wanted(level, position)
                          ON s.level = wanted.level AND s.position = wanted.position""").params(levels, positions).query(row -> {
            hashes.put(new Node(row.getInt(1), row.getLong(2)), row.getBytes(3));
        });
        return hashes;
    }

    /** Stores completed subtrees, in one statement; the primary key refuses one stored twice. */
    void insert(List<Subtree> subtrees) {
        if (subtrees.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO log_subtree (level, position, hash)"
                        + " SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::bytea[])")
                .params(
                        subtrees.stream().map(Subtree::level).toArray(Integer[]::new),
                        subtrees.stream().map(Subtree::position).toArray(Long[]::new),
                        subtrees.stream().map(Subtree::hash).toArray(byte[][]::new))
                .update();
    }
}
