CREATE TABLE IF NOT EXISTS articles (id bigint PRIMARY KEY, title text);
CREATE TEXT SEARCH CONFIGURATION article_search (COPY = english);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS search tsvector
    GENERATED ALWAYS AS (to_tsvector('article_search', coalesce(title, ''))) STORED;
CREATE INDEX IF NOT EXISTS articles_title_idx ON articles
    USING gin (to_tsvector('public.article_search'::regconfig, title));
