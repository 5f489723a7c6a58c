-- The verifiable log (see docs/verifiable-log.md): every recorded event's place in one gap-free sequence, the hashes
-- that chain each commitment's events and build the RFC 9162 Merkle tree over all of them, and the signed
-- checkpoints of that tree. The event's content stays in domain_event_entry; a leaf is recomputed from it.

CREATE TABLE log_entry (
    log_index          BIGINT       PRIMARY KEY CHECK (log_index >= 0),
    event_identifier   VARCHAR(255) NOT NULL,
    commitment_id      VARCHAR(255) NOT NULL,
    sequence_number    BIGINT       NOT NULL,
    -- SHA-256(0x00 || leaf) of contracts.log.LogLeaf's encoding.
    leaf_hash          BYTEA        NOT NULL CHECK (octet_length(leaf_hash) = 32),
    -- The commitment's previous event's leaf hash; 32 zero bytes for its first event.
    previous_leaf_hash BYTEA        NOT NULL CHECK (octet_length(previous_leaf_hash) = 32),
    -- base64(key id || Ed25519 signature) of the leaf hash: contracts.log.LeafSignature.
    leaf_signature     VARCHAR(200) NOT NULL,
    CONSTRAINT log_entry_event_identifier_key UNIQUE (event_identifier),
    CONSTRAINT log_entry_commitment_sequence_key UNIQUE (commitment_id, sequence_number)
);

-- The hashes of the tree's complete subtrees: (level, index) holds leaves [index * 2^level, (index + 1) * 2^level).
-- Level 0 repeats the leaf hashes. Any root or proof needs O(log n) of these rows.
CREATE TABLE log_subtree (
    level    SMALLINT NOT NULL CHECK (level BETWEEN 0 AND 63),
    position BIGINT   NOT NULL CHECK (position >= 0),
    hash     BYTEA    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, position)
);

-- Signed C2SP tlog-checkpoint notes, exactly as served and published.
CREATE TABLE log_checkpoint (
    tree_size BIGINT      PRIMARY KEY CHECK (tree_size > 0),
    root_hash BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    note      TEXT        NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Like the events, the log is append-only: the database refuses to change or remove any of it.
CREATE TRIGGER log_entry_immutable
    BEFORE UPDATE OR DELETE ON log_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER log_entry_not_truncated
    BEFORE TRUNCATE ON log_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER log_subtree_immutable
    BEFORE UPDATE OR DELETE ON log_subtree
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER log_subtree_not_truncated
    BEFORE TRUNCATE ON log_subtree
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER log_checkpoint_immutable
    BEFORE UPDATE OR DELETE ON log_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER log_checkpoint_not_truncated
    BEFORE TRUNCATE ON log_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
