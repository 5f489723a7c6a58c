-- A retry's HTTP status follows from the command it repeats (the fingerprint covers method and path), so the
-- record keeps only the command's outcome.
ALTER TABLE idempotency_record DROP COLUMN status;
