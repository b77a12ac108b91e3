CREATE INDEX IF NOT EXISTS docs_title_search ON docs USING gin (title);
CREATE INDEX IF NOT EXISTS docs_rank_gin ON docs USING gin (rank);
CREATE INDEX IF NOT EXISTS docs_slug_gist ON docs USING gist (slug);
CREATE INDEX IF NOT EXISTS docs_origin_gist ON docs USING gist (origin);
CREATE INDEX IF NOT EXISTS docs_created_gist ON docs USING gist (created_at);
CREATE INDEX IF NOT EXISTS docs_meta ON docs (meta);
CREATE INDEX IF NOT EXISTS docs_spot ON docs USING hash (spot);
