-- Issue 14: reads that stay fast at scale (EXPLAIN ANALYZE at 100,000 commitments, docs/performance.md).

-- A timeline is read in sequence order without its payloads: the primary key's index carries the listed columns, so
-- a 1,000-event commitment is read from some 30 index pages in order, instead of from a heap page per event (its
-- events were applied among every other commitment's) and sorted. Uniqueness stays on (commitment_id, sequence).
ALTER TABLE timeline_entry DROP CONSTRAINT timeline_entry_pkey;
ALTER TABLE timeline_entry
    ADD CONSTRAINT timeline_entry_pkey PRIMARY KEY (commitment_id, sequence)
        INCLUDE (global_position, event_id, kind, revision, occurred_on, recorded_at, actor, summary);

-- The list is ordered by id, a page at a time: filtered by partnership (and area and status) it walks these in order
-- and stops after the page, instead of walking every commitment by id and reading each one's row to filter it.
DROP INDEX commitment_summary_partnership;
CREATE INDEX commitment_summary_partnership ON commitment_summary (partnership_id, area, status, commitment_id);
CREATE INDEX commitment_summary_partnership_by_id ON commitment_summary (partnership_id, commitment_id);

-- Overdue commitments: open, with a deadline before today (ReadModelQueries.OVERDUE).
CREATE INDEX commitment_summary_open_deadline ON commitment_summary (deadline)
    WHERE status IN ('AGREED', 'CONFIRMED');
