DROP VIEW IF EXISTS at_event_kinds;
DROP TABLE IF EXISTS at_events;
DROP VIEW IF EXISTS at_posts;
DROP TABLE IF EXISTS at_articles;
