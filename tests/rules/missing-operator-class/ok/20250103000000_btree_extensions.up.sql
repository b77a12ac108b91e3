-- btree_gin and btree_gist give the scalar types default operator classes for GIN and GiST.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE INDEX IF NOT EXISTS docs_rank_gin ON docs USING gin (rank);
CREATE INDEX IF NOT EXISTS docs_created_gist ON docs USING gist (created_at);
