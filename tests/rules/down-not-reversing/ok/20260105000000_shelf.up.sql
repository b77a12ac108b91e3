CREATE TABLE IF NOT EXISTS shelf_items (id bigint PRIMARY KEY, label text, note text, bin_id bigint,
  qty int);
CREATE TABLE IF NOT EXISTS bins (id bigint PRIMARY KEY);
ALTER TABLE shelf_items ADD CONSTRAINT shelf_items_bin_fk FOREIGN KEY (bin_id) REFERENCES bins (id)
  DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE shelf_items ADD COLUMN IF NOT EXISTS search tsvector
  GENERATED ALWAYS AS (to_tsvector('english', coalesce(label, ''))) STORED;
CREATE INDEX IF NOT EXISTS shelf_items_search_gin ON shelf_items USING gin (search);
create view shelf_labels as select id, label from shelf_items;
CREATE VIEW shelf_qty AS SELECT id, qty FROM shelf_items;
CREATE OR REPLACE FUNCTION find_items(q text) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$ SELECT id FROM shelf_items WHERE label ILIKE q $$;
CREATE MATERIALIZED VIEW IF NOT EXISTS bin_counts AS
  SELECT bin_id, count(*) AS items FROM shelf_items GROUP BY bin_id;
CREATE UNIQUE INDEX IF NOT EXISTS bin_counts_bin ON bin_counts (bin_id);
GRANT SELECT, UPDATE ON shelf_items TO app_reader;
