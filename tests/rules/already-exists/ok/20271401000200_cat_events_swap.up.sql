-- The renamed-away table's index is renamed first: the name is free.
CREATE TABLE IF NOT EXISTS cat_events_new (LIKE cat_events);
ALTER TABLE IF EXISTS cat_events RENAME TO cat_events_old;
ALTER INDEX IF EXISTS cat_events_pkey RENAME TO cat_events_old_pkey;
ALTER TABLE IF EXISTS cat_events_new RENAME TO cat_events;
ALTER TABLE cat_events ADD CONSTRAINT cat_events_pkey PRIMARY KEY (id);
-- An unnamed key's index gets a name that is free.
ALTER TABLE cat_events_old ADD UNIQUE (kind);
