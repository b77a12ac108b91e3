-- a text column with a default made an enum; the same in an up's rebuild
CREATE TYPE carrier AS ENUM ('post', 'courier');
ALTER TABLE shipments ALTER COLUMN carrier TYPE carrier USING carrier::carrier;
ALTER TYPE shipment_status RENAME TO shipment_status_old;
CREATE TYPE shipment_status AS ENUM ('created', 'in_transit', 'delivered', 'returned', 'lost');
ALTER TABLE shipments ALTER COLUMN note TYPE text, ALTER COLUMN status TYPE shipment_status USING status::text::shipment_status;
DROP TYPE shipment_status_old;
