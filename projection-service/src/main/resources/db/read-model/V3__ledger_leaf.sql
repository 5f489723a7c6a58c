-- Each applied event's place in the ledger's verifiable log: its log index and its leaf hash, which the ledger signed.
-- The next event of the commitment must name this leaf hash as its previous one, or it is refused. Rows applied
-- before records were verified have neither; nothing can chain onto them, so a rebuild is needed to go on with those
-- commitments (it re-reads every record and verifies it).
ALTER TABLE timeline_entry
    ADD COLUMN log_index BIGINT,
    ADD COLUMN leaf_hash BYTEA CHECK (octet_length(leaf_hash) = 32);

-- A parked event was verified when it arrived; its chain is checked when its turn comes.
ALTER TABLE parked_event
    ADD COLUMN log_index          BIGINT,
    ADD COLUMN leaf_hash          BYTEA CHECK (octet_length(leaf_hash) = 32),
    ADD COLUMN previous_leaf_hash BYTEA CHECK (octet_length(previous_leaf_hash) = 32);
-- Events parked before records were verified cannot be checked now: the rebuild that these commitments need anyway
-- re-reads them from the topic.
DELETE FROM parked_event;
ALTER TABLE parked_event
    ALTER COLUMN log_index SET NOT NULL,
    ALTER COLUMN leaf_hash SET NOT NULL,
    ALTER COLUMN previous_leaf_hash SET NOT NULL;
