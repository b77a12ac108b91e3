-- the default goes first and comes back after; a column without a default needs nothing
ALTER TYPE shipment_status RENAME TO shipment_status_old;
CREATE TYPE shipment_status AS ENUM ('created', 'in_transit', 'delivered');
ALTER TABLE shipments
  ALTER COLUMN status DROP DEFAULT,
  ALTER COLUMN status TYPE shipment_status USING status::text::shipment_status,
  ALTER COLUMN status SET DEFAULT 'created';
ALTER TABLE shipments ALTER COLUMN previous TYPE shipment_status USING previous::text::shipment_status;
DROP TYPE shipment_status_old;
