CREATE TABLE IF NOT EXISTS ip_docs (id bigint PRIMARY KEY, body tsvector, spot point, created date);
-- An index's parameters out of bounds (0 and negative ones too), of a wrong type, given twice.
CREATE INDEX IF NOT EXISTS ip_docs_id ON ip_docs (id) WITH (fillfactor = 0);
CREATE INDEX IF NOT EXISTS ip_docs_id2 ON ip_docs (id) WITH (deduplicate_items = sometimes);
CREATE INDEX IF NOT EXISTS ip_docs_body ON ip_docs USING gin (body) WITH (gin_pending_list_limit = 32);
CREATE INDEX IF NOT EXISTS ip_docs_created ON ip_docs USING brin (created) WITH (pages_per_range = 0);
CREATE INDEX IF NOT EXISTS ip_docs_spot ON ip_docs USING gist (spot) WITH (buffering = always);
CREATE INDEX IF NOT EXISTS ip_docs_id3 ON ip_docs (id) WITH (fillfactor = 70, fillfactor = 80);
CREATE INDEX IF NOT EXISTS ip_docs_id4 ON ip_docs (id) WITH (toast.fillfactor = 70);
CREATE INDEX IF NOT EXISTS ip_docs_id5 ON ip_docs (id);
ALTER INDEX ip_docs_id5 SET (fillfactor = -1);
ALTER INDEX ip_docs_id5 SET (vacuum_cleanup_index_scale_factor = -0.5);
