-- a subquery in an expression PostgreSQL computes from one row alone: each statement fails
ALTER TABLE shipments ALTER COLUMN status TYPE bigint
  USING (SELECT s.id FROM order_statuses s WHERE s.code = shipments.status);
ALTER TABLE shipments ADD COLUMN IF NOT EXISTS status_id bigint DEFAULT (SELECT id FROM order_statuses WHERE code = 'new');
ALTER TABLE shipments ALTER COLUMN status SET DEFAULT (SELECT code FROM order_statuses ORDER BY id LIMIT 1);
ALTER TABLE shipments ADD CONSTRAINT shipments_status_known CHECK (status IN (SELECT code FROM order_statuses)) NOT VALID;
ALTER TABLE shipments ADD COLUMN IF NOT EXISTS heavy boolean GENERATED ALWAYS AS (weight_g > (SELECT 1000)) STORED;
CREATE TABLE IF NOT EXISTS parcels (
  id bigint PRIMARY KEY,
  status text NOT NULL CHECK (EXISTS (SELECT FROM order_statuses WHERE code = status))
);
CREATE INDEX IF NOT EXISTS shipments_weight_rank_idx ON shipments ((weight_g + (SELECT count(*) FROM order_statuses)));
CREATE INDEX IF NOT EXISTS shipments_open_idx ON shipments (id) WHERE status = ANY (SELECT code FROM order_statuses);
DO $$
BEGIN
  CREATE DOMAIN status_code AS text CHECK (VALUE IN (SELECT code FROM order_statuses));
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
CREATE STATISTICS IF NOT EXISTS shipments_weight_stats ON (weight_g / (SELECT 1000)), status FROM shipments;
CREATE TABLE IF NOT EXISTS shipment_events (shipment_id bigint, at timestamptz NOT NULL)
  PARTITION BY RANGE ((at + (SELECT interval '1 hour')));
CREATE OR REPLACE FUNCTION shipment_status_id(code text DEFAULT (SELECT code FROM order_statuses LIMIT 1))
  RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT id FROM order_statuses o WHERE o.code = $1 $$;
