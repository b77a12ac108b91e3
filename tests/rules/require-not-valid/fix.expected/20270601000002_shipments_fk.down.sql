ALTER TABLE shipments DROP CONSTRAINT IF EXISTS shipments_id_positive;
ALTER TABLE shipments DROP COLUMN IF EXISTS depot_id;
ALTER TABLE shipments DROP CONSTRAINT IF EXISTS shipments_carrier_fk;
