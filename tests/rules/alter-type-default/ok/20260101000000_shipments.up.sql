CREATE TYPE shipment_status AS ENUM ('created', 'in_transit', 'delivered');
CREATE TABLE IF NOT EXISTS shipments (
  id bigint PRIMARY KEY,
  status shipment_status NOT NULL DEFAULT 'created',
  previous shipment_status,
  carrier text
);
