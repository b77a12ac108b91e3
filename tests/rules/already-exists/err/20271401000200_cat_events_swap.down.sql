DROP SEQUENCE IF EXISTS cat_events_seq;
ALTER TABLE IF EXISTS cat_events DROP CONSTRAINT IF EXISTS cat_events_pkey;
ALTER TABLE IF EXISTS cat_events RENAME TO cat_events_new;
ALTER TABLE IF EXISTS cat_events_old RENAME TO cat_events;
DROP TABLE IF EXISTS cat_events_new;
