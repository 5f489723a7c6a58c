-- One generation of the read model. Every table is rebuilt from the event topic; nothing here is a source of truth.

-- Where each commitment stands: the folded summary as JSON, plus the columns lists filter and sort on.
CREATE TABLE commitment_summary (
    commitment_id    TEXT        PRIMARY KEY,
    partnership_id   TEXT        NOT NULL,
    area             TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    deadline         DATE        NOT NULL,
    countries        TEXT[]      NOT NULL,
    search_text      TEXT        NOT NULL,
    version          BIGINT      NOT NULL,
    last_recorded_at TIMESTAMPTZ NOT NULL,
    summary          JSONB       NOT NULL
);
CREATE INDEX commitment_summary_partnership ON commitment_summary (partnership_id, area, status);

-- Every applied event of every commitment, in sequence order, with its payload for as-of queries.
CREATE TABLE timeline_entry (
    commitment_id   TEXT        NOT NULL,
    sequence        BIGINT      NOT NULL,
    global_position BIGINT      NOT NULL,
    event_id        TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    revision        TEXT        NOT NULL,
    occurred_on     DATE        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    actor           TEXT        NOT NULL,
    summary         TEXT        NOT NULL,
    payload         JSONB       NOT NULL,
    PRIMARY KEY (commitment_id, sequence)
);

-- Events that arrived after a hole in their commitment's sequence, held back until the hole is filled.
CREATE TABLE parked_event (
    commitment_id   TEXT        NOT NULL,
    sequence        BIGINT      NOT NULL,
    global_position BIGINT      NOT NULL,
    event_id        TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    revision        TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    payload         JSONB       NOT NULL,
    PRIMARY KEY (commitment_id, sequence)
);
