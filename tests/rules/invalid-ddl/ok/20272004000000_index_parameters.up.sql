CREATE TABLE IF NOT EXISTS ip_docs (id bigint PRIMARY KEY, body tsvector, spot point, created date);
CREATE INDEX IF NOT EXISTS ip_docs_id ON ip_docs (id) WITH (fillfactor = 100, deduplicate_items = off);
CREATE INDEX IF NOT EXISTS ip_docs_body ON ip_docs USING gin (body) WITH (gin_pending_list_limit = 64, fastupdate = on);
CREATE INDEX IF NOT EXISTS ip_docs_created ON ip_docs USING brin (created) WITH (pages_per_range = 131072, autosummarize);
CREATE INDEX IF NOT EXISTS ip_docs_spot ON ip_docs USING gist (spot) WITH (buffering = AUTO, fillfactor = 10);
ALTER INDEX ip_docs_id SET (vacuum_cleanup_index_scale_factor = 0, fillfactor = 90);
