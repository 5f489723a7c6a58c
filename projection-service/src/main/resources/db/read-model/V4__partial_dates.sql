-- Issue 13: targets and agreement dates as precise as the source (CommitmentAgreed and TargetAmended revision 2).
-- A commitment may have no target ("no date set"): it then has no deadline and is never overdue.
ALTER TABLE commitment_summary ALTER COLUMN deadline DROP NOT NULL;

-- When an event happened, as precisely as it says: a day for every event but an agreement, which may give a year, a
-- quarter or a month ("2022"). Days already stored keep their text, YYYY-MM-DD.
ALTER TABLE timeline_entry ALTER COLUMN occurred_on TYPE TEXT USING to_char(occurred_on, 'YYYY-MM-DD');

-- Summaries folded before the upgrade wrote a target as {"date": D} or {"quarter": Q}; it is now the text D or Q,
-- as the revision-1 upcaster reads it. Their agreement and activity dates are days, which read as they are. Events
-- stored at revision 1 stay as stored and are upcast when read back; a rebuild folds everything afresh.
UPDATE commitment_summary
   SET summary = jsonb_set(summary, '{target}',
                           to_jsonb(coalesce(summary #>> '{target,date}', summary #>> '{target,quarter}')))
 WHERE jsonb_typeof(summary -> 'target') = 'object';
