-- One row per Idempotency-Key whose command was accepted: enough to answer a retry with the first response.
-- Written in the same transaction as the command's events, so a key is recorded exactly when its events are.
CREATE TABLE idempotency_record (
    idempotency_key     VARCHAR(255) PRIMARY KEY,
    request_fingerprint CHAR(64)     NOT NULL,
    commitment_id       VARCHAR(255) NOT NULL,
    status              SMALLINT     NOT NULL,
    version             BIGINT       NOT NULL,
    recorded            BOOLEAN      NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);
