CREATE TABLE IF NOT EXISTS at_articles (id bigint PRIMARY KEY, title text NOT NULL);
CREATE OR REPLACE VIEW at_posts AS SELECT * FROM at_articles;
CREATE TABLE IF NOT EXISTS at_events (id bigint PRIMARY KEY, kind text NOT NULL, payload text);
CREATE OR REPLACE VIEW at_event_kinds AS SELECT id, kind FROM at_events;
