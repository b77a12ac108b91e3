CREATE TABLE IF NOT EXISTS posts (id bigint PRIMARY KEY, body text);
CREATE TEXT SEARCH CONFIGURATION post_search (COPY = english);
-- pg_catalog's english, and a one-argument to_tsvector: no dependency on post_search.
ALTER TABLE posts ADD COLUMN IF NOT EXISTS search tsvector
    GENERATED ALWAYS AS (to_tsvector('english', coalesce(body, ''))) STORED;
CREATE INDEX IF NOT EXISTS posts_body_idx ON posts USING gin (to_tsvector('post_search', body));
