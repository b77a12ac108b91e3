-- The swapped-in tables take names whose tables had these columns before the up.
CREATE TABLE IF NOT EXISTS cat_kind_counts_v2 (kind text PRIMARY KEY, n bigint NOT NULL DEFAULT 0, refreshed_at timestamptz);
INSERT INTO cat_kind_counts_v2 (kind, n) SELECT kind, n FROM cat_kind_counts ON CONFLICT DO NOTHING;
DROP TABLE IF EXISTS cat_kind_counts;
ALTER TABLE IF EXISTS cat_kind_counts_v2 RENAME TO cat_kind_counts;
CREATE TABLE IF NOT EXISTS cat_events_copy_v2 (id bigint PRIMARY KEY, kind text NOT NULL);
DROP TABLE IF EXISTS cat_events_copy;
ALTER TABLE IF EXISTS cat_events_copy_v2 RENAME TO cat_events_copy;
