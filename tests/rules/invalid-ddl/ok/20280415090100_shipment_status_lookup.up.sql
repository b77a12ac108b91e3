-- a view's query may have subqueries
CREATE OR REPLACE VIEW shipment_labels AS
  SELECT s.id, (SELECT o.code FROM order_statuses o WHERE o.id = s.status_id) AS code FROM shipments s;
-- IF NOT EXISTS of a column or table there already: PostgreSQL skips it (a NOTICE) before it
-- reads the expressions
ALTER TABLE shipments ADD COLUMN IF NOT EXISTS status_id bigint DEFAULT (SELECT 1);
CREATE TABLE IF NOT EXISTS shipments (id bigint PRIMARY KEY, status text CHECK (status IN (SELECT code FROM order_statuses)));
-- IF EXISTS of a table that is not there: skipped
ALTER TABLE IF EXISTS legacy_shipments ALTER COLUMN status SET DEFAULT (SELECT 'new');
-- a function may look the value up
CREATE OR REPLACE FUNCTION new_status_id() RETURNS bigint LANGUAGE sql STABLE
  AS $$ SELECT id FROM order_statuses WHERE code = 'new' $$;
ALTER TABLE shipments ALTER COLUMN status_id SET DEFAULT new_status_id();
-- a handler that catches the refusal
DO $$
BEGIN
  ALTER TABLE shipments ALTER COLUMN status SET DEFAULT (SELECT 'new');
EXCEPTION WHEN feature_not_supported THEN NULL;
END $$;
