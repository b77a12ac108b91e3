CREATE TABLE article (id bigint PRIMARY KEY, search tsvector, period int4range, body text)
  WITH (fillfactor = 90, autovacuum_enabled = on, toast.autovacuum_enabled = on);
CREATE INDEX article_search_idx ON article USING gin (search) WITH (fastupdate = off);
ALTER INDEX article_search_idx SET (gin_pending_list_limit = 1024);
ALTER INDEX article_search_idx RESET (fillfactor);
CREATE INDEX article_id_brin ON article USING brin (id) WITH (pages_per_range = 32);
CREATE INDEX article_body_idx ON article (body) WITH (fillfactor = 70, deduplicate_items = off);
ALTER INDEX article_body_idx SET (fillfactor = 80);
CREATE INDEX article_period_idx ON article USING gist (period) WITH (fillfactor = 80, buffering = auto);
CREATE INDEX article_period_spgist ON article USING spgist (period) WITH (fillfactor = 80);
CREATE INDEX article_id_hash ON article USING hash (id) WITH (fillfactor = 10);
ALTER TABLE article SET (fillfactor = 100);
