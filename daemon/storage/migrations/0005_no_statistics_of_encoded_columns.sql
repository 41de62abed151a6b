-- No planner statistics for columns no query filters, groups or joins on: the hot tier's value
-- arrays, the encoded chunks and rollups, attribute values. ANALYZE (autovacuum, every few
-- minutes on the hot tier and on a day's new partitions) sampled them into pg_statistic: ~6 kB
-- for samples.vals and ~19 kB for a day's raw_chunks.vals, rewritten at every analyze, with its
-- TOAST pages, indexes and WAL, and written again at the next checkpoint: the largest share of
-- what the checkpointer wrote (P2). Keys and times keep their statistics. Existing partitions
-- follow their parent here; new ones get the same from Partitions::ensureDays. What ANALYZE
-- gathered before stays in pg_statistic (removing it needs a superuser) but is no longer
-- rewritten.
ALTER TABLE samples ALTER COLUMN vals SET STATISTICS 0;
ALTER TABLE attributes ALTER COLUMN value SET STATISTICS 0;
ALTER TABLE raw_windows ALTER COLUMN ts SET STATISTICS 0;
ALTER TABLE raw_chunks ALTER COLUMN vals SET STATISTICS 0;
ALTER TABLE rollup_1m ALTER COLUMN buckets SET STATISTICS 0,
    ALTER COLUMN mins SET STATISTICS 0, ALTER COLUMN maxs SET STATISTICS 0,
    ALTER COLUMN sums SET STATISTICS 0, ALTER COLUMN counts SET STATISTICS 0;
ALTER TABLE rollup_1h ALTER COLUMN vmin SET STATISTICS 0,
    ALTER COLUMN vmax SET STATISTICS 0, ALTER COLUMN vsum SET STATISTICS 0,
    ALTER COLUMN cnt SET STATISTICS 0;
