DROP FUNCTION IF EXISTS shipment_status_id(text);
DROP TABLE IF EXISTS shipment_events;
DROP STATISTICS IF EXISTS shipments_weight_stats;
DROP INDEX IF EXISTS shipments_open_idx;
DROP INDEX IF EXISTS shipments_weight_rank_idx;
DROP TABLE IF EXISTS parcels;
ALTER TABLE shipments DROP COLUMN IF EXISTS heavy;
ALTER TABLE shipments DROP CONSTRAINT IF EXISTS shipments_status_known;
ALTER TABLE shipments ALTER COLUMN status DROP DEFAULT;
ALTER TABLE shipments DROP COLUMN IF EXISTS status_id;
ALTER TABLE shipments ALTER COLUMN status TYPE text
  USING (SELECT s.code FROM order_statuses s WHERE s.id = shipments.status);
