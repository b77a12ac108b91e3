-- written again as it was (OR REPLACE, case and spacing aside): nothing to restore
CREATE OR REPLACE VIEW shelf_labels AS SELECT id, label FROM shelf_items;
-- a view dropped around a type change and made again as it was; the down does the same
DROP VIEW IF EXISTS shelf_qty;
ALTER TABLE shelf_items ALTER COLUMN qty TYPE bigint;
CREATE VIEW shelf_qty AS SELECT id, qty FROM shelf_items;
-- dropped and made anew; the down drops the new one and writes the old one back
DROP FUNCTION IF EXISTS find_items(text);
CREATE FUNCTION find_items(q text) RETURNS TABLE (id bigint, label text)
LANGUAGE sql STABLE AS $$ SELECT id, label FROM shelf_items WHERE label ILIKE q $$;
-- made anew with their indexes; the down makes them again with theirs
DROP MATERIALIZED VIEW IF EXISTS bin_counts;
CREATE MATERIALIZED VIEW IF NOT EXISTS bin_counts AS
  SELECT bin_id, count(*) AS items, max(qty) AS most FROM shelf_items GROUP BY bin_id;
CREATE UNIQUE INDEX IF NOT EXISTS bin_counts_bin ON bin_counts (bin_id);
ALTER TABLE shelf_items DROP COLUMN IF EXISTS search;
ALTER TABLE shelf_items ADD COLUMN IF NOT EXISTS search tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', coalesce(label, ''))) STORED;
CREATE INDEX IF NOT EXISTS shelf_items_search_gin ON shelf_items USING gin (search);
-- never held: revoking it changes nothing
REVOKE DELETE ON shelf_items FROM app_reader;
-- taken and given back by the up itself
REVOKE ALL ON shelf_items FROM app_reader;
GRANT SELECT, UPDATE ON shelf_items TO app_reader;
-- narrowed to columns; the down gives the table's back
REVOKE UPDATE ON shelf_items FROM app_reader;
GRANT UPDATE (label) ON shelf_items TO app_reader;
-- given on tables and functions, revoked by the down (ALL, and without FOR ROLE)
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA public GRANT SELECT ON TABLES TO app_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO app_reader;
-- set back by the down; set to what it was already
ALTER TABLE shelf_items ALTER CONSTRAINT shelf_items_bin_fk NOT DEFERRABLE;
