-- The generated column and the index still use the configuration.
DROP TEXT SEARCH CONFIGURATION IF EXISTS article_search;
DROP INDEX IF EXISTS articles_title_idx;
ALTER TABLE articles DROP COLUMN IF EXISTS search;
DROP TABLE IF EXISTS articles;
