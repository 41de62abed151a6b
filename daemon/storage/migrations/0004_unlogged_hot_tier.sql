-- The hot tier without WAL. A row a second into a logged table meant a WAL record, a WAL page
-- written and flushed every second and the same pages again at each checkpoint: most of what
-- perfwatchd made the disk write (88x the bytes it kept, P2). UNLOGGED rows are written only
-- when their pages leave shared buffers, and a transaction that touches nothing else commits
-- without waiting for a flush. PostgreSQL empties an unlogged table when it recovers from a
-- crash; each daemon keeps the rows of its windows not yet compacted in a journal of its own
-- and puts back what was lost on its next connection (HotJournal). Compacted tiers, the catalog
-- and statuses stay logged. A streaming standby does not receive the hot tier.
ALTER TABLE samples SET UNLOGGED;
