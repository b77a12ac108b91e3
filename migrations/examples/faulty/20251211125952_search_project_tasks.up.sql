-- A search index on task titles: GIN indexes text only through pg_trgm's gin_trgm_ops, which
-- has to be named.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS project_tasks_title_search ON project_tasks USING gin (title);
