package io.commitmentsledger.ledger.log;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signed checkpoints in {@code log_checkpoint}: C2SP tlog-checkpoint notes, stored exactly as signed and
 * published, one per tree size.
 */
@Component
public class Checkpoints {

    /** A stored checkpoint. */
    record Stored(long treeSize, byte[] rootHash, String note, Instant signedAt) {}

    private final JdbcClient jdbc;

    Checkpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The signed note of the newest checkpoint, if any has been signed. */
    public Optional<String> latest() {
        return newest().map(Stored::note);
    }

    /** The signed note of the checkpoint of exactly this tree size, if one was signed. */
    public Optional<String> at(long treeSize) {
        return jdbc.sql("SELECT note FROM log_checkpoint WHERE tree_size = ?")
                .param(treeSize)
                .query(String.class)
                .optional();
    }

    Optional<Stored> newest() {
        return jdbc.sql("SELECT tree_size, root_hash, note, signed_at FROM log_checkpoint"
                        + " ORDER BY tree_size DESC LIMIT 1")
                .query((row, n) -> new Stored(
                        row.getLong(1),
                        row.getBytes(2),
                        row.getString(3),
                        row.getObject(4, OffsetDateTime.class).toInstant()))
                .optional();
    }

    void insert(long treeSize, byte[] rootHash, String note) {
        jdbc.sql("INSERT INTO log_checkpoint (tree_size, root_hash, note) VALUES (?, ?, ?)")
                .params(treeSize, rootHash, note)
                .update();
    }
}
