DROP VIEW IF EXISTS at_posts;
ALTER TABLE at_articles ALTER COLUMN views TYPE integer;
CREATE OR REPLACE VIEW at_posts AS SELECT * FROM at_articles;
