-- Events the ledger recorded that this generation could not apply (the fold refused them, or storing them failed).
-- Each holds its commitment back (its later events are parked) and marks it stale until an event at that sequence is
-- applied; the row is then deleted. A rebuild starts with none and records those it meets itself.
CREATE TABLE projection_incident (
    commitment_id   TEXT        NOT NULL,
    sequence        BIGINT      NOT NULL,
    global_position BIGINT      NOT NULL,
    event_id        TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    reason          TEXT        NOT NULL,
    raised_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (commitment_id, sequence)
);
