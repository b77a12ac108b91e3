ALTER TABLE at_articles ALTER COLUMN views TYPE bigint;
