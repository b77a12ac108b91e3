ALTER TABLE shipments ALTER COLUMN status_id DROP DEFAULT;
DROP FUNCTION IF EXISTS new_status_id();
DROP VIEW IF EXISTS shipment_labels;
