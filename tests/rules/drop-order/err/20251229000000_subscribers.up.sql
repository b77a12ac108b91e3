CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE IF NOT EXISTS subscribers (email citext PRIMARY KEY, name text NOT NULL);
CREATE INDEX IF NOT EXISTS subscribers_name_trgm ON subscribers USING gin (name gin_trgm_ops);
