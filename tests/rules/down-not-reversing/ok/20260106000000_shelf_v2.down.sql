ALTER TABLE shelf_items ALTER CONSTRAINT shelf_items_bin_fk INITIALLY DEFERRED;
-- before the function the down makes again: it gets no EXECUTE for app_reader, as before the up
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON FUNCTIONS FROM app_reader;
REVOKE UPDATE (label) ON shelf_items FROM app_reader;
GRANT UPDATE ON shelf_items TO app_reader;
-- the up's REVOKE ALL took INSERT too, which app_reader held since the table was made (the
-- default privileges of 20251218000000_settings in schema public)
GRANT INSERT ON shelf_items TO app_reader;
ALTER TABLE shelf_items DROP COLUMN IF EXISTS search;
ALTER TABLE shelf_items ADD COLUMN IF NOT EXISTS search tsvector
  GENERATED ALWAYS AS (to_tsvector('english', coalesce(label, ''))) STORED;
CREATE INDEX IF NOT EXISTS shelf_items_search_gin ON shelf_items USING gin (search);
DROP MATERIALIZED VIEW IF EXISTS bin_counts;
CREATE MATERIALIZED VIEW IF NOT EXISTS bin_counts AS
  SELECT bin_id, count(*) AS items FROM shelf_items GROUP BY bin_id;
CREATE UNIQUE INDEX IF NOT EXISTS bin_counts_bin ON bin_counts (bin_id);
DROP FUNCTION IF EXISTS find_items(text);
CREATE OR REPLACE FUNCTION find_items(q text) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$ SELECT id FROM shelf_items WHERE label ILIKE q $$;
DROP VIEW IF EXISTS shelf_qty;
ALTER TABLE shelf_items ALTER COLUMN qty TYPE int;
CREATE VIEW shelf_qty AS SELECT id, qty FROM shelf_items;
-- after the view and materialized view the down makes again: they get what app_reader held on
-- them (the default privileges of 20251218000000_settings), not less
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM app_reader;
