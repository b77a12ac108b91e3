-- Renaming a table keeps its index's name: cat_events_old still has cat_events_pkey.
CREATE TABLE IF NOT EXISTS cat_events_new (LIKE cat_events);
ALTER TABLE IF EXISTS cat_events RENAME TO cat_events_old;
ALTER TABLE IF EXISTS cat_events_new RENAME TO cat_events;
ALTER TABLE cat_events ADD CONSTRAINT cat_events_pkey PRIMARY KEY (id);
-- Relations of every kind share one namespace: a sequence or a table of the name is in the way.
CREATE SEQUENCE IF NOT EXISTS cat_events_seq;
ALTER TABLE cat_events ADD CONSTRAINT cat_events_seq UNIQUE (kind);
CREATE INDEX cat_events_old ON cat_events (kind);
