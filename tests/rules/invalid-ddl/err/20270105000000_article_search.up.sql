CREATE TABLE article (id bigint PRIMARY KEY, search tsvector, period int4range, body text);
CREATE INDEX article_search_idx ON article USING gin (search);
CREATE INDEX article_id_brin ON article USING brin (id);
-- GIN and BRIN indexes have no fill factor
ALTER INDEX article_search_idx SET (fillfactor = 70);
ALTER INDEX article_id_brin SET (fastupdate = off);
CREATE INDEX article_search_idx2 ON article USING gin (search) WITH (fillfactor = 70);
CREATE INDEX article_period_idx ON article USING spgist (period) WITH (buffering = on);
-- a fillfactor below 10
CREATE INDEX article_body_idx ON article (body) WITH (fillfactor = 5);
ALTER TABLE article SET (fillfactor = 5);
CREATE TABLE article_draft (id bigint) WITH (fillfactor = 101);
