ALTER TABLE IF EXISTS cat_events_old DROP CONSTRAINT IF EXISTS cat_events_old_kind_key;
ALTER TABLE IF EXISTS cat_events DROP CONSTRAINT IF EXISTS cat_events_pkey;
ALTER TABLE IF EXISTS cat_events RENAME TO cat_events_new;
ALTER INDEX IF EXISTS cat_events_old_pkey RENAME TO cat_events_pkey;
ALTER TABLE IF EXISTS cat_events_old RENAME TO cat_events;
DROP TABLE IF EXISTS cat_events_new;
