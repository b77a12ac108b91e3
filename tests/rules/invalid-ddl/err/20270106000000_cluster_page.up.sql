CREATE TABLE page (id bigint PRIMARY KEY, search tsvector, period int4range, slug text);
CREATE TABLE page_note (id bigint PRIMARY KEY);
CREATE INDEX page_search_idx ON page USING gin (search);
CREATE INDEX page_id_hash ON page USING hash (id);
CREATE INDEX page_live_slug ON page (slug) WHERE slug IS NOT NULL;
-- access methods that cannot order a table
ALTER TABLE page CLUSTER ON page_search_idx;
CLUSTER page USING page_id_hash;
-- a partial index
ALTER TABLE page CLUSTER ON page_live_slug;
-- an index of another table
CLUSTER page USING page_note_pkey;
