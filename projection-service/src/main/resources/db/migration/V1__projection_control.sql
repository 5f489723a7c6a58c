-- Which generation of the read model answers queries. A generation is a schema of its own (read_model_*), migrated
-- from db/read-model; a rebuild fills a new one while the active one keeps answering, then moves this pointer.
CREATE TABLE projection_generation (
    singleton     BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    active_schema TEXT        NOT NULL,
    activated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
