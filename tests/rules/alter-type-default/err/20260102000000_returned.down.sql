-- the rebuild of the enum: the column's default is of the old type (verified on PostgreSQL 15:
-- "default for column "status" cannot be cast automatically to type shipment_status")
ALTER TYPE shipment_status RENAME TO shipment_status_old;
CREATE TYPE shipment_status AS ENUM ('created', 'in_transit', 'delivered');
ALTER TABLE shipments ALTER COLUMN status TYPE shipment_status USING status::text::shipment_status;
DROP TYPE shipment_status_old;
